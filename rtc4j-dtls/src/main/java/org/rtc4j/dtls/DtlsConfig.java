package org.rtc4j.dtls;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.rtc4j.common.Time;

/**
 * What a {@link DtlsEndpoint} offers and accepts. Build one with {@link #builder(DtlsCertificate)};
 * every setting has a default that suits WebRTC, and a built config is immutable.
 */
public final class DtlsConfig {
  private final DtlsCertificate certificate;
  private final List<CipherSuite> cipherSuites;
  private final List<NamedGroup> namedGroups;
  private final List<SrtpProfile> srtpProfiles;
  private final int mtu;
  private final long initialRetransmitNanos;
  private final long maxRetransmitNanos;
  private final long handshakeTimeoutNanos;
  private final boolean helloVerifyRequest;
  private final boolean requireClientCertificate;
  private final boolean requireExtendedMasterSecret;
  private final int maxHeldRecords;
  private final Consumer<String> keyLog;

  private DtlsConfig(Builder b) {
    this.certificate = b.certificate;
    this.cipherSuites = List.copyOf(b.cipherSuites);
    this.namedGroups = List.copyOf(b.namedGroups);
    this.srtpProfiles = List.copyOf(b.srtpProfiles);
    this.mtu = b.mtu;
    this.initialRetransmitNanos = b.initialRetransmitNanos;
    this.maxRetransmitNanos = b.maxRetransmitNanos;
    this.handshakeTimeoutNanos = b.handshakeTimeoutNanos;
    this.helloVerifyRequest = b.helloVerifyRequest;
    this.requireClientCertificate = b.requireClientCertificate;
    this.requireExtendedMasterSecret = b.requireExtendedMasterSecret;
    this.maxHeldRecords = b.maxHeldRecords;
    this.keyLog = b.keyLog;
  }

  /** A builder with the defaults, for an endpoint that authenticates with {@code certificate}. */
  public static Builder builder(DtlsCertificate certificate) {
    return new Builder(certificate);
  }

  /** Our certificate and private key. */
  public DtlsCertificate certificate() {
    return certificate;
  }

  /** The cipher suites we accept, most preferred first. */
  public List<CipherSuite> cipherSuites() {
    return cipherSuites;
  }

  /** The ECDHE groups we accept, most preferred first. */
  public List<NamedGroup> namedGroups() {
    return namedGroups;
  }

  /** The SRTP profiles we offer in use_srtp, most preferred first; empty: no use_srtp. */
  public List<SrtpProfile> srtpProfiles() {
    return srtpProfiles;
  }

  /** The largest datagram we send, in bytes. */
  public int mtu() {
    return mtu;
  }

  /** The first retransmission timeout of a flight (RFC 6347 §4.2.4.1). */
  public long initialRetransmitNanos() {
    return initialRetransmitNanos;
  }

  /** The cap of the doubling retransmission timeout. */
  public long maxRetransmitNanos() {
    return maxRetransmitNanos;
  }

  /** How long a handshake may take before the endpoint gives up. */
  public long handshakeTimeoutNanos() {
    return handshakeTimeoutNanos;
  }

  /** Whether a server demands a cookie round trip (HelloVerifyRequest) before any work. */
  public boolean helloVerifyRequest() {
    return helloVerifyRequest;
  }

  /** Whether a server requires the client to authenticate with a certificate. */
  public boolean requireClientCertificate() {
    return requireClientCertificate;
  }

  /** Whether the handshake fails unless the peer does extended master secret (RFC 7627). */
  public boolean requireExtendedMasterSecret() {
    return requireExtendedMasterSecret;
  }

  /** How many datagrams are held, at most, while the handshake cannot use them yet. */
  public int maxHeldRecords() {
    return maxHeldRecords;
  }

  /** Where NSS key log lines go, or {@code null} for nowhere. */
  public Consumer<String> keyLog() {
    return keyLog;
  }

  /** Builds a {@link DtlsConfig}. */
  public static final class Builder {
    private final DtlsCertificate certificate;
    private List<CipherSuite> cipherSuites =
        List.of(
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384);
    private List<NamedGroup> namedGroups =
        List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1);
    private List<SrtpProfile> srtpProfiles =
        List.of(
            SrtpProfile.AEAD_AES_128_GCM,
            SrtpProfile.AEAD_AES_256_GCM,
            SrtpProfile.AES128_CM_HMAC_SHA1_80,
            SrtpProfile.AES128_CM_HMAC_SHA1_32);
    private int mtu = 1200;
    private long initialRetransmitNanos = Time.seconds(1);
    private long maxRetransmitNanos = Time.seconds(60);
    private long handshakeTimeoutNanos = Time.seconds(30);
    private boolean helloVerifyRequest;
    private boolean requireClientCertificate = true;
    private boolean requireExtendedMasterSecret = true;
    private int maxHeldRecords = 64;
    private Consumer<String> keyLog;

    private Builder(DtlsCertificate certificate) {
      this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * The cipher suites to accept, most preferred first. Default: the ECDSA suites (AES-128-GCM,
     * AES-256-GCM, ChaCha20-Poly1305), then the RSA ones. Only those that fit our certificate's key
     * are used.
     */
    public Builder cipherSuites(List<CipherSuite> suites) {
      if (suites.isEmpty()) {
        throw new IllegalArgumentException("at least one cipher suite is needed");
      }
      this.cipherSuites = List.copyOf(suites);
      return this;
    }

    /** The ECDHE groups, most preferred first. Default: x25519, secp256r1, secp384r1. */
    public Builder namedGroups(List<NamedGroup> groups) {
      if (groups.isEmpty()) {
        throw new IllegalArgumentException("at least one group is needed");
      }
      this.namedGroups = List.copyOf(groups);
      return this;
    }

    /**
     * The SRTP profiles for use_srtp (RFC 5764), most preferred first; a server picks the first of
     * these that the client offers. Default: AEAD_AES_128_GCM, AEAD_AES_256_GCM,
     * AES128_CM_HMAC_SHA1_80, AES128_CM_HMAC_SHA1_32. Empty: no use_srtp (data channels only).
     */
    public Builder srtpProfiles(List<SrtpProfile> profiles) {
      this.srtpProfiles = List.copyOf(profiles);
      return this;
    }

    /** The largest datagram to send, 256 to 65507 bytes. Default 1200, as WebRTC stacks use. */
    public Builder mtu(int mtu) {
      if (mtu < 256 || mtu > 65507) {
        throw new IllegalArgumentException("mtu must be within 256..65507: " + mtu);
      }
      this.mtu = mtu;
      return this;
    }

    /** The first retransmission timeout of a flight. Default 1 s (RFC 6347 §4.2.4.1). */
    public Builder initialRetransmitNanos(long nanos) {
      if (nanos <= 0) {
        throw new IllegalArgumentException("initial retransmit timeout must be positive");
      }
      this.initialRetransmitNanos = nanos;
      return this;
    }

    /** The cap of the doubling retransmission timeout. Default 60 s. */
    public Builder maxRetransmitNanos(long nanos) {
      if (nanos <= 0) {
        throw new IllegalArgumentException("max retransmit timeout must be positive");
      }
      this.maxRetransmitNanos = nanos;
      return this;
    }

    /** How long the handshake may take before it fails. Default 30 s. */
    public Builder handshakeTimeoutNanos(long nanos) {
      if (nanos <= 0) {
        throw new IllegalArgumentException("handshake timeout must be positive");
      }
      this.handshakeTimeoutNanos = nanos;
      return this;
    }

    /**
     * Whether a server sends a HelloVerifyRequest cookie first (RFC 6347 §4.2.1). Default off: in
     * WebRTC, ICE has already checked that the peer's address answers.
     */
    public Builder helloVerifyRequest(boolean on) {
      this.helloVerifyRequest = on;
      return this;
    }

    /** Whether a server requires a client certificate. Default on, as WebRTC requires. */
    public Builder requireClientCertificate(boolean on) {
      this.requireClientCertificate = on;
      return this;
    }

    /**
     * Whether extended master secret (RFC 7627) is required. Default on: every browser does it, and
     * without it the keying material is open to a triple handshake attack.
     */
    public Builder requireExtendedMasterSecret(boolean on) {
      this.requireExtendedMasterSecret = on;
      return this;
    }

    /** How many datagrams to hold while they cannot be used yet. Default 64. */
    public Builder maxHeldRecords(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxHeldRecords must not be negative");
      }
      this.maxHeldRecords = max;
      return this;
    }

    /**
     * Where to write the session keys as NSS key log lines ({@code CLIENT_RANDOM <random> <master
     * secret>}), so Wireshark can decrypt a capture. For debugging only: anyone with the lines can
     * read the traffic. Default: none.
     */
    public Builder keyLog(Consumer<String> keyLog) {
      this.keyLog = keyLog;
      return this;
    }

    /** The config. */
    public DtlsConfig build() {
      if (maxRetransmitNanos < initialRetransmitNanos) {
        throw new IllegalArgumentException("max retransmit timeout is below the initial one");
      }
      return new DtlsConfig(this);
    }
  }
}
