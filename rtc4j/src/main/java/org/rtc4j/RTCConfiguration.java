package org.rtc4j;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.RandomSource;
import org.rtc4j.datachannel.DataChannelLimits;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sdp.MediaCapabilities;

/**
 * How a {@link RTCPeerConnection} behaves (W3C {@code RTCConfiguration}), plus what a sans-I/O
 * stack needs injected: where randomness comes from, and the wall clock that dates a generated
 * certificate.
 *
 * <p>Defaults: no ICE servers, {@link IceTransportPolicy#ALL}, {@link BundlePolicy#BALANCED}, a
 * fresh ECDSA P-256 certificate valid for 30 days, secure randomness, data channels with the
 * default SCTP settings (256 KiB messages), no media capabilities (media sections rejected).
 */
public final class RTCConfiguration {
  private final List<RTCIceServer> iceServers;
  private final IceTransportPolicy iceTransportPolicy;
  private final BundlePolicy bundlePolicy;
  private final List<DtlsCertificate> certificates;
  private final RandomSource random;
  private final Clock wallClock;
  private final SctpConfig sctp;
  private final DataChannelLimits dataChannelLimits;
  private final MediaCapabilities mediaCapabilities;

  private RTCConfiguration(Builder b) {
    this.iceServers = List.copyOf(b.iceServers);
    this.iceTransportPolicy = b.iceTransportPolicy;
    this.bundlePolicy = b.bundlePolicy;
    this.certificates = List.copyOf(b.certificates);
    this.random = b.random;
    this.wallClock = b.wallClock;
    this.sctp = b.sctp;
    this.dataChannelLimits = b.dataChannelLimits;
    this.mediaCapabilities = b.mediaCapabilities;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The defaults. */
  public static RTCConfiguration defaults() {
    return builder().build();
  }

  /** The STUN and TURN servers. */
  public List<RTCIceServer> iceServers() {
    return iceServers;
  }

  /** Which candidates ICE may use. */
  public IceTransportPolicy iceTransportPolicy() {
    return iceTransportPolicy;
  }

  /** How media sections are bundled. */
  public BundlePolicy bundlePolicy() {
    return bundlePolicy;
  }

  /** The certificates DTLS proves itself with; empty means one is generated. */
  public List<DtlsCertificate> certificates() {
    return certificates;
  }

  /** Where ICE credentials, DTLS randoms, SCTP tags and session ids come from. */
  public RandomSource random() {
    return random;
  }

  /** The wall clock that dates a generated certificate; nothing else reads it. */
  public Clock wallClock() {
    return wallClock;
  }

  /** The SCTP settings of the data channels' association (its ports come from the SDP). */
  public SctpConfig sctp() {
    return sctp;
  }

  /** What the data channels may hold at once. */
  public DataChannelLimits dataChannelLimits() {
    return dataChannelLimits;
  }

  /**
   * The codecs and header extensions media sections are offered and answered with. {@link
   * MediaCapabilities#none()} by default: every offered media section is rejected, since RTP does
   * not flow through the peer connection yet.
   */
  public MediaCapabilities mediaCapabilities() {
    return mediaCapabilities;
  }

  /** Builds an {@link RTCConfiguration}. */
  public static final class Builder {
    private final List<RTCIceServer> iceServers = new ArrayList<>();
    private IceTransportPolicy iceTransportPolicy = IceTransportPolicy.ALL;
    private BundlePolicy bundlePolicy = BundlePolicy.BALANCED;
    private final List<DtlsCertificate> certificates = new ArrayList<>();
    private RandomSource random;
    private Clock wallClock = Clock.systemUTC();
    private SctpConfig sctp = SctpConfig.builder().build();
    private DataChannelLimits dataChannelLimits = DataChannelLimits.DEFAULT;
    private MediaCapabilities mediaCapabilities = MediaCapabilities.none();

    private Builder() {}

    /** Sets the codecs and header extensions for media sections. */
    public Builder mediaCapabilities(MediaCapabilities capabilities) {
      this.mediaCapabilities = Objects.requireNonNull(capabilities, "capabilities");
      return this;
    }

    /** Adds a STUN or TURN server. */
    public Builder iceServer(RTCIceServer server) {
      iceServers.add(Objects.requireNonNull(server, "server"));
      return this;
    }

    /** Sets which candidates ICE may use. */
    public Builder iceTransportPolicy(IceTransportPolicy policy) {
      this.iceTransportPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Sets how media sections are bundled. */
    public Builder bundlePolicy(BundlePolicy policy) {
      this.bundlePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Adds a certificate; the first one is used. */
    public Builder certificate(DtlsCertificate certificate) {
      certificates.add(Objects.requireNonNull(certificate, "certificate"));
      return this;
    }

    /** Sets the randomness; a seeded source makes a whole call repeatable in tests. */
    public Builder random(RandomSource random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Sets the wall clock that dates a generated certificate. */
    public Builder wallClock(Clock clock) {
      this.wallClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the SCTP settings of the data channels' association. */
    public Builder sctp(SctpConfig config) {
      this.sctp = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Sets what the data channels may hold at once. */
    public Builder dataChannelLimits(DataChannelLimits limits) {
      this.dataChannelLimits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** The configuration. */
    public RTCConfiguration build() {
      if (random == null) {
        random = RandomSource.secure();
      }
      return new RTCConfiguration(this);
    }
  }
}
