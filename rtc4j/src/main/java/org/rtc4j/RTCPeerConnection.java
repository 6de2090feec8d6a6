package org.rtc4j;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.datachannel.DataChannelInit;
import org.rtc4j.datachannel.DataChannelTransport;
import org.rtc4j.datachannel.DataChannels;
import org.rtc4j.dtls.CertificateFingerprint;
import org.rtc4j.dtls.DtlsCertificate;
import org.rtc4j.dtls.DtlsConfig;
import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsEvent;
import org.rtc4j.dtls.DtlsState;
import org.rtc4j.ice.Candidate;
import org.rtc4j.ice.CandidatePair;
import org.rtc4j.ice.IceAgent;
import org.rtc4j.ice.IceAgentConfig;
import org.rtc4j.ice.IceConnectionState;
import org.rtc4j.ice.IceCredentials;
import org.rtc4j.ice.IceEvent;
import org.rtc4j.sctp.SctpAssociation;
import org.rtc4j.sctp.SctpConfig;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sctp.SctpState;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;
import org.rtc4j.sdp.Attribute;
import org.rtc4j.sdp.Connection;
import org.rtc4j.sdp.Direction;
import org.rtc4j.sdp.Fingerprint;
import org.rtc4j.sdp.Group;
import org.rtc4j.sdp.IceOptions;
import org.rtc4j.sdp.IcePwd;
import org.rtc4j.sdp.IceUfrag;
import org.rtc4j.sdp.MaxMessageSize;
import org.rtc4j.sdp.MediaDescription;
import org.rtc4j.sdp.MediaNegotiation;
import org.rtc4j.sdp.Mid;
import org.rtc4j.sdp.Origin;
import org.rtc4j.sdp.PropertyAttribute;
import org.rtc4j.sdp.SctpPort;
import org.rtc4j.sdp.SdpParseException;
import org.rtc4j.sdp.SessionDescription;
import org.rtc4j.sdp.Setup;

/**
 * A WebRTC peer connection (W3C {@code RTCPeerConnection}), sans-I/O: JSEP offer/answer (RFC 8829)
 * over one BUNDLE transport of ICE (RFC 8445), DTLS (RFC 6347) and SCTP (RFC 8261) carrying data
 * channels (RFC 8831).
 *
 * <p>The owner drives it like every rtc4j layer ({@link DatagramEndpoint}): it tells it the local
 * addresses it has bound ({@link #setHostAddresses}), hands it every datagram that arrives on them,
 * sends everything {@link #pollWrite()} gives, calls {@link #handleTimeout} when {@link
 * #pollTimeout()} comes due, and reads {@link #pollEvent()}. Signaling is the application's: {@link
 * #createOffer()}, {@link #createAnswer()}, {@link #setLocalDescription}, {@link
 * #setRemoteDescription} and {@link #addIceCandidate} as W3C names them, with the current time
 * passed in where timers start. After any application call, drain {@link #pollWrite()}.
 *
 * <p>What comes in from the network is never thrown back: demultiplexed by its first byte (RFC
 * 7983) to ICE or DTLS, anything else dropped and counted in {@link #drops()}. API misuse throws at
 * once: {@link IllegalStateException} (W3C's {@code InvalidStateError}) for a call in the wrong
 * state, {@link IllegalArgumentException} (W3C's {@code OperationError}/{@code InvalidAccessError})
 * for a description or candidate that is malformed or cannot be applied; a refused description
 * leaves the connection as it was.
 *
 * <p>Media m-sections are negotiated (codecs, RTCP feedback and header extensions intersected with
 * {@link RTCConfiguration#mediaCapabilities()}, directions computed, {@link RTCRtpTransceiver}s
 * kept) but RTP does not flow through the peer connection yet; with the default capabilities, none,
 * every offered media section is rejected (port 0).
 *
 * <p>Not thread-safe: one thread owns it.
 */
public final class RTCPeerConnection implements DatagramEndpoint {

  /** Why an inbound datagram or a signaled candidate was dropped. */
  public enum Drop {
    /** Neither STUN, DTLS, RTP nor RTCP (RFC 7983). */
    UNKNOWN_PACKET,
    /** RTP or RTCP: media does not flow through the peer connection yet. */
    MEDIA,
    /** STUN before the ICE agent exists (no description applied yet). */
    STUN_BEFORE_DESCRIPTION,
    /** DTLS before its role was known, beyond what is held for it. */
    DTLS_BEFORE_DESCRIPTION,
    /** DTLS application data before the data channels' association exists. */
    SCTP_BEFORE_ASSOCIATION,
    /** A DTLS datagram with no ICE pair to answer on. */
    NO_ROUTE,
    /** A trickled candidate of an earlier ICE generation. */
    STALE_CANDIDATE,
    /** Arrived after {@link #close()}. */
    CLOSED
  }

  private static final int MAX_EARLY_DTLS = 16;
  private static final String MID_DATA_DEFAULT = "0";
  private static final long DEFAULT_REMOTE_MAX_MESSAGE_SIZE = 65_536; // RFC 8841 §6.1
  private static final Pattern STUN_URL =
      Pattern.compile("stun:(\\[[0-9a-fA-F:.]+\\]|[0-9.]+)(?::(\\d{1,5}))?(?:\\?.*)?");

  /** One m-section in the order the descriptions hold them. */
  private record Section(String mid, String kind, boolean data, boolean rejected) {}

  private final RTCConfiguration config;
  private final RandomSource random;
  private final DtlsCertificate certificate;
  private final CertificateFingerprint fingerprint;
  private final String sessionId;
  private long sessionVersion;
  private final DataChannels channels;
  private final DropCounts<Drop> drops = new DropCounts<>(Drop.class);
  private final ArrayDeque<PeerConnectionEvent> events = new ArrayDeque<>();
  private final ArrayDeque<Datagram> output = new ArrayDeque<>();
  private final ArrayDeque<Datagram> earlyDtls = new ArrayDeque<>();
  private final List<RTCRtpTransceiver> transceivers = new ArrayList<>();

  private long now;
  private boolean closed;
  private SignalingState signalingState = SignalingState.STABLE;
  private IceGatheringState gatheringState = IceGatheringState.NEW;
  private IceConnectionState iceState = IceConnectionState.NEW;
  private PeerConnectionState connectionState = PeerConnectionState.NEW;

  // What the descriptions agreed, in m-line order; the copy before an offer is for rollback.
  private List<Section> sections = List.of();
  private List<Section> sectionsBeforeOffer = List.of();
  private SessionDescription currentLocal;
  private SessionDescription currentRemote;
  private SessionDescription pendingLocal;
  private SessionDescription pendingRemote;

  // ICE
  private IceCredentials localIce;
  private IceCredentials restartIce;
  private IceCredentials remoteIce;
  private IceAgent ice;
  private boolean iceCreatedByPendingOffer;
  private final List<InetSocketAddress> hostAddresses = new ArrayList<>();
  private boolean hostAddressesKnown;
  private final List<Candidate> localCandidates = new ArrayList<>();
  private boolean gatheringStarted;
  private CandidatePair selectedPair;
  private InetSocketAddress[] lastDtlsRoute;

  // DTLS and SCTP
  private List<CertificateFingerprint> remoteFingerprints = List.of();
  private DtlsEndpoint dtls;
  private SctpAssociation sctp;
  private int remoteSctpPort = -1;
  private long remoteMaxMessageSize = DEFAULT_REMOTE_MAX_MESSAGE_SIZE;

  /** Whether the last completed exchange was the peer's offer and our answer. */
  private boolean weAnsweredLast;

  // Negotiation needed (webrtc-pc §4.7.3)
  private boolean dataChannelRequested;
  private boolean negotiationNeeded;

  /**
   * A peer connection with {@code config}. If the configuration names no certificate, one is
   * generated (ECDSA P-256, dated by the configuration's wall clock).
   */
  public RTCPeerConnection(RTCConfiguration config) {
    this.config = Objects.requireNonNull(config, "config");
    this.random = config.random();
    this.certificate =
        config.certificates().isEmpty()
            ? DtlsCertificate.selfSigned(Instant.now(config.wallClock()), random)
            : config.certificates().get(0);
    this.fingerprint = certificate.fingerprint();
    this.sessionId = Long.toString(random.nextLong() & Long.MAX_VALUE);
    this.localIce = IceCredentials.random(random);
    this.channels = new DataChannels(new LateTransport(), config.dataChannelLimits());
  }

  /** A peer connection with the default configuration. */
  public RTCPeerConnection() {
    this(RTCConfiguration.defaults());
  }

  // ---------------------------------------------------------------- the owner's side

  /**
   * Tells the connection every local address it may use: each becomes a host candidate once
   * gathering starts (at the first {@link #setLocalDescription}), and gathering ends with them (or
   * when the STUN servers have answered). Call it once, before or after the first description.
   *
   * @param addresses UDP addresses the owner has bound, concrete (not wildcards)
   * @throws IllegalStateException if called twice, or after {@link #close()}
   */
  public void setHostAddresses(List<InetSocketAddress> addresses, long nowNanos) {
    checkOpen();
    if (hostAddressesKnown) {
      throw new IllegalStateException("the host addresses were set already");
    }
    for (InetSocketAddress a : addresses) {
      if (a.isUnresolved() || a.getAddress().isAnyLocalAddress() || a.getPort() == 0) {
        throw new IllegalArgumentException("a host address must be concrete: " + a);
      }
    }
    advance(nowNanos);
    hostAddresses.addAll(addresses);
    hostAddressesKnown = true;
    if (gatheringStarted) {
      gatherHostCandidates();
    }
    process();
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    advance(nowNanos);
    if (closed) {
      drops.increment(Drop.CLOSED);
      return;
    }
    PacketClass kind = PacketClass.of(datagram.data(), datagram.offset(), datagram.length());
    boolean mdns = datagram.remote().getPort() == 5353 || datagram.local().getPort() == 5353;
    if (kind == PacketClass.STUN || mdns) {
      if (ice == null) {
        drops.increment(Drop.STUN_BEFORE_DESCRIPTION);
      } else {
        ice.handleRead(datagram, now);
      }
    } else if (kind == PacketClass.DTLS) {
      if (dtls == null) {
        if (earlyDtls.size() < MAX_EARLY_DTLS) {
          earlyDtls.add(Datagram.udp(datagram.copyPayload(), datagram.local(), datagram.remote()));
        } else {
          drops.increment(Drop.DTLS_BEFORE_DESCRIPTION);
        }
      } else {
        lastDtlsRoute = new InetSocketAddress[] {datagram.local(), datagram.remote()};
        dtls.handleRead(datagram.data(), datagram.offset(), datagram.length(), now);
      }
    } else if (kind == PacketClass.RTP || kind == PacketClass.RTCP) {
      drops.increment(Drop.MEDIA);
    } else {
      drops.increment(Drop.UNKNOWN_PACKET);
    }
    process();
  }

  @Override
  public Datagram pollWrite() {
    pump();
    Datagram d = output.poll();
    if (d != null) {
      return d;
    }
    return ice == null || closed ? null : ice.pollWrite();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    advance(nowNanos);
    if (closed) {
      return;
    }
    if (ice != null && Time.isDue(ice.pollTimeout(), now)) {
      ice.handleTimeout(now);
    }
    if (dtls != null && Time.isDue(dtls.pollTimeout(), now)) {
      dtls.handleTimeout(now);
    }
    if (sctp != null && Time.isDue(sctp.pollTimeout(), now)) {
      sctp.handleTimeout(now);
    }
    process();
  }

  @Override
  public long pollTimeout() {
    if (closed) {
      return Time.NEVER;
    }
    long earliest = Time.NEVER;
    if (ice != null) {
      earliest = Math.min(earliest, ice.pollTimeout());
    }
    if (dtls != null) {
      earliest = Math.min(earliest, dtls.pollTimeout());
    }
    if (sctp != null) {
      earliest = Math.min(earliest, sctp.pollTimeout());
    }
    return earliest;
  }

  /**
   * The next event, or {@code null}: the connection's own first, then those of its data channels
   * (which hold theirs within {@link RTCConfiguration#dataChannelLimits()}).
   */
  public PeerConnectionEvent pollEvent() {
    PeerConnectionEvent e = events.poll();
    if (e != null) {
      return e;
    }
    DataChannelEvent c = channels.pollEvent();
    if (c == null) {
      return null;
    }
    if (c instanceof DataChannelEvent.Incoming incoming) {
      return new PeerConnectionEvent.DataChannelOpened(incoming.channel());
    }
    return new PeerConnectionEvent.Channel(c);
  }

  // ---------------------------------------------------------------- W3C API

  /**
   * Creates an offer (RFC 8829 §5.2): one BUNDLE group over every m-section, the data section if a
   * data channel was created, our ICE credentials (new ones after {@link #restartIce()}), our
   * certificate's fingerprint and {@code a=setup:actpass}, and the candidates gathered so far.
   *
   * @throws IllegalStateException if closed, or in have-remote-offer or have-local-pranswer
   */
  public RTCSessionDescription createOffer() {
    checkOpen();
    if (signalingState != SignalingState.STABLE
        && signalingState != SignalingState.HAVE_LOCAL_OFFER) {
      throw new IllegalStateException("cannot create an offer in " + signalingState.jsonName());
    }
    List<Section> plan = new ArrayList<>(sections);
    if (dataChannelRequested && plan.stream().noneMatch(Section::data)) {
      plan.add(new Section(freeMid(plan), MediaDescription.APPLICATION, true, false));
    }
    Map<String, RTCRtpTransceiver> newTransceivers = new LinkedHashMap<>();
    for (RTCRtpTransceiver t : transceivers) {
      if (t.mid().isEmpty() && !t.stopped()) {
        String mid = freeMid(plan);
        plan.add(new Section(mid, t.kind(), false, false));
        newTransceivers.put(mid, t);
      }
    }
    IceCredentials credentials = offerCredentials();
    SessionDescription.Builder b =
        SessionDescription.builder(Origin.of(sessionId, ++sessionVersion));
    List<String> bundle = new ArrayList<>();
    for (Section s : plan) {
      if (!s.rejected()) {
        bundle.add(s.mid());
      }
    }
    if (!bundle.isEmpty()) {
      b.addAttribute(Group.bundle(bundle));
    }
    for (Section s : plan) {
      RTCRtpTransceiver t =
          newTransceivers.containsKey(s.mid())
              ? newTransceivers.get(s.mid())
              : transceiver(s.mid());
      if (s.data() && !s.rejected()) {
        b.addMedia(dataSection(s.mid(), credentials, Setup.ACTPASS));
      } else if (!s.rejected() && t != null && !t.stopped()) {
        MediaDescription m =
            MediaNegotiation.offer(s.kind(), s.mid(), t.direction(), config.mediaCapabilities());
        b.addMedia(withTransport(m.toBuilder(), credentials, Setup.ACTPASS).build());
      } else {
        b.addMedia(
            rejectedSection(
                s.kind(), s.data() ? MediaDescription.UDP_DTLS_SCTP : null, s.mid(), null));
      }
    }
    return new RTCSessionDescription(SdpType.OFFER, withCandidates(b.build()).write());
  }

  /**
   * Creates an answer to the remote offer (RFC 8829 §5.3): the first data section is accepted,
   * media sections are rejected for now, and sections outside the offer's BUNDLE group are
   * rejected. Our DTLS role is active (the client) unless the offer insists on it.
   *
   * @throws IllegalStateException unless in have-remote-offer or have-local-pranswer
   */
  public RTCSessionDescription createAnswer() {
    checkOpen();
    if (signalingState != SignalingState.HAVE_REMOTE_OFFER
        && signalingState != SignalingState.HAVE_LOCAL_PRANSWER) {
      throw new IllegalStateException("cannot create an answer in " + signalingState.jsonName());
    }
    SessionDescription offer = pendingRemote;
    Setup setup = answerSetup(sessionSetup(offer, tagSection(offer)));
    Set<String> offeredBundle = new LinkedHashSet<>();
    offer.bundleGroups().stream().findFirst().ifPresent(g -> offeredBundle.addAll(g.mids()));
    SessionDescription.Builder b =
        SessionDescription.builder(Origin.of(sessionId, ++sessionVersion));
    List<MediaDescription> answered = new ArrayList<>();
    boolean dataAccepted = false;
    boolean anyAccepted = false;
    for (MediaDescription m : offer.mediaDescriptions()) {
      boolean inBundle = offeredBundle.isEmpty() ? !anyAccepted : offeredBundle.contains(m.mid());
      RTCRtpTransceiver t = transceiver(m.mid());
      Optional<MediaDescription> media =
          t == null || t.stopped() || !inBundle
              ? Optional.empty()
              : MediaNegotiation.answer(
                  withSessionDirection(offer, m), config.mediaCapabilities(), t.direction());
      if (!dataAccepted && m.isDataChannel() && !m.isRejected() && inBundle) {
        answered.add(dataSection(m.mid(), localIce, setup));
        dataAccepted = true;
        anyAccepted = true;
      } else if (media.isPresent()) {
        answered.add(withTransport(media.get().toBuilder(), localIce, setup).build());
        anyAccepted = true;
      } else if (MediaNegotiation.isRtpProto(m.proto())) {
        answered.add(MediaNegotiation.rejected(m));
      } else {
        answered.add(rejectedSection(m.media(), m.proto(), m.mid(), m.formats()));
      }
    }
    List<String> bundle = new ArrayList<>();
    for (MediaDescription m : answered) {
      if (!m.isRejected() && m.mid() != null) {
        bundle.add(m.mid());
      }
    }
    if (!bundle.isEmpty() && !offeredBundle.isEmpty()) {
      b.addAttribute(Group.bundle(bundle));
    }
    answered.forEach(b::addMedia);
    return new RTCSessionDescription(SdpType.ANSWER, withCandidates(b.build()).write());
  }

  /**
   * Applies a local description (webrtc-pc §4.4.1.5): an offer or answer from {@link
   * #createOffer()} / {@link #createAnswer()}, or a rollback of our offer. The first one starts
   * gathering; an answer starts DTLS.
   *
   * @throws IllegalStateException if the type is not allowed in the signaling state, or closed
   * @throws IllegalArgumentException if the SDP is malformed or cannot be applied; nothing changed
   */
  public void setLocalDescription(RTCSessionDescription description, long nowNanos) {
    checkOpen();
    Objects.requireNonNull(description, "description");
    advance(nowNanos);
    SdpType type = description.type();
    if (!signalingState.accepts(type, true)) {
      throw new IllegalStateException(
          "cannot apply a local " + type.jsonName() + " in " + signalingState.jsonName());
    }
    if (type == SdpType.ROLLBACK) {
      rollback();
      return;
    }
    SessionDescription sdp = parse(description.sdp());
    validate(sdp, type, true);
    IceCredentials described = credentialsOf(sdp);
    IceCredentials credentials = described != null ? described : localIce;
    if (type == SdpType.OFFER) {
      sectionsBeforeOffer = sections;
      sections = sectionsOf(sdp);
      pendingLocal = sdp;
      assignMids(sdp);
      if (ice == null) {
        createIce(true, credentials);
        iceCreatedByPendingOffer = true;
      } else if (!credentials.equals(localIce)) {
        restartIceNow(credentials);
      }
      restartIce = null;
    } else {
      Setup ours = sessionSetup(sdp, tagSection(sdp));
      if (!credentials.equals(localIce)) {
        restartIceNow(credentials);
      }
      if (type == SdpType.ANSWER) {
        currentLocal = sdp;
        currentRemote = pendingRemote;
        pendingLocal = null;
        pendingRemote = null;
        iceCreatedByPendingOffer = false;
        weAnsweredLast = true;
      } else {
        pendingLocal = sdp;
      }
      if (tagSection(sdp) != null) {
        startDtls(ours == Setup.ACTIVE);
      }
      if (type == SdpType.ANSWER) {
        settleTransceivers(sdp, false);
      }
    }
    setSignalingState(signalingState.apply(type, true));
    startGathering();
    updateNegotiationNeeded();
    process();
  }

  /**
   * Applies the peer's description (webrtc-pc §4.4.1.6): an offer, a provisional or final answer,
   * or a rollback of the peer's offer. Its ICE credentials, candidates and fingerprints are taken;
   * a final answer starts DTLS.
   *
   * @throws IllegalStateException if the type is not allowed in the signaling state, or closed
   * @throws IllegalArgumentException if the SDP is malformed or cannot be applied; nothing changed
   */
  public void setRemoteDescription(RTCSessionDescription description, long nowNanos) {
    checkOpen();
    Objects.requireNonNull(description, "description");
    advance(nowNanos);
    SdpType type = description.type();
    if (!signalingState.accepts(type, false)) {
      throw new IllegalStateException(
          "cannot apply a remote " + type.jsonName() + " in " + signalingState.jsonName());
    }
    if (type == SdpType.ROLLBACK) {
      rollback();
      return;
    }
    SessionDescription sdp = parse(description.sdp());
    validate(sdp, type, false);
    IceCredentials credentials = credentialsOf(sdp);
    List<CertificateFingerprint> fingerprints = fingerprintsOf(sdp);
    MediaDescription data = firstAcceptedData(sdp);
    boolean hadDtls = dtls != null;
    if (!fingerprints.isEmpty()) {
      remoteFingerprints = fingerprints; // a DTLS endpoint made now takes them from here
    }
    if (type == SdpType.OFFER) {
      sectionsBeforeOffer = sections;
      sections = sectionsOf(sdp);
      pendingRemote = sdp;
      takeRemoteMedia(sdp);
      if (ice == null) {
        createIce(false, localIce);
        iceCreatedByPendingOffer = true;
      } else if (remoteIce != null
          && credentials != null
          && !remoteIce.ufrag().equals(credentials.ufrag())) {
        restartIceNow(IceCredentials.random(random)); // the peer restarts ICE: so do we
      }
    } else {
      Setup theirs = sessionSetup(sdp, tagSection(sdp));
      if (type == SdpType.ANSWER) {
        currentRemote = sdp;
        currentLocal = pendingLocal;
        pendingLocal = null;
        pendingRemote = null;
        iceCreatedByPendingOffer = false;
        weAnsweredLast = false;
      } else {
        pendingRemote = sdp;
      }
      sections = sectionsOf(sdp);
      if (!fingerprints.isEmpty()) {
        startDtls(theirs == Setup.PASSIVE);
      }
      if (type == SdpType.ANSWER) {
        settleTransceivers(sdp, true);
      }
    }
    if (hadDtls && !fingerprints.isEmpty()) {
      dtls.setRemoteFingerprints(fingerprints, now); // a renegotiation may name new ones
    }
    if (data != null) {
      remoteSctpPort = data.sctpPort() > 0 ? data.sctpPort() : 5000;
      remoteMaxMessageSize =
          data.maxMessageSize() > 0 ? data.maxMessageSize() : DEFAULT_REMOTE_MAX_MESSAGE_SIZE;
      if (sctp != null) {
        sctp.setRemoteMaxMessageSize(remoteMaxMessageSize);
      }
    }
    if (credentials != null) {
      boolean newGeneration = remoteIce == null || !remoteIce.equals(credentials);
      remoteIce = credentials;
      if (newGeneration) {
        ice.setRemoteCredentials(credentials, now);
      }
      addRemoteCandidates(sdp);
    }
    setSignalingState(signalingState.apply(type, false));
    updateNegotiationNeeded();
    maybeStartSctp();
    process();
  }

  /**
   * Adds a candidate the peer trickled (RFC 8838 §4, webrtc-pc §4.4.1.7), or its end-of-candidates
   * (an empty candidate). A candidate of an earlier ICE generation (another ufrag) is ignored and
   * counted as {@link Drop#STALE_CANDIDATE}.
   *
   * @throws IllegalStateException if there is no remote description yet, or closed
   * @throws IllegalArgumentException if the candidate is malformed or names no m-section of the
   *     remote description
   */
  public void addIceCandidate(RTCIceCandidate candidate, long nowNanos) {
    checkOpen();
    Objects.requireNonNull(candidate, "candidate");
    advance(nowNanos);
    SessionDescription remote = remoteDescriptionSdp();
    if (remote == null) {
      throw new IllegalStateException("a candidate needs a remote description first");
    }
    if (remoteIce == null
        || (candidate.usernameFragment() != null
            && !candidate.usernameFragment().equals(remoteIce.ufrag()))) {
      drops.increment(Drop.STALE_CANDIDATE);
      return;
    }
    boolean known =
        (candidate.sdpMid() != null && remote.media(candidate.sdpMid()) != null)
            || (candidate.sdpMid() == null
                && candidate.sdpMLineIndex() < remote.mediaDescriptions().size());
    if (!known) {
      throw new IllegalArgumentException(
          "no m-section " + candidate.sdpMid() + "/" + candidate.sdpMLineIndex() + " to add to");
    }
    if (candidate.isEndOfCandidates()) {
      ice.endOfRemoteCandidates(now);
    } else {
      Candidate parsed;
      try {
        parsed = Candidate.parse(candidate.candidate());
      } catch (ParseException e) {
        throw new IllegalArgumentException("malformed candidate: " + e.getMessage(), e);
      }
      ice.addRemoteCandidate(parsed, now);
    }
    process();
  }

  /**
   * Asks for an ICE restart (RFC 8445 §9): the next offer carries new credentials, and checks start
   * again once it is answered. Negotiation is needed.
   */
  public void restartIce() {
    checkOpen();
    if (restartIce == null) {
      restartIce = IceCredentials.random(random);
    }
    updateNegotiationNeeded();
  }

  /**
   * Creates a data channel (W3C {@code createDataChannel}). Its id is given once the DTLS role is
   * known; it opens once the association is up. The first one makes negotiation needed.
   *
   * @param label the label
   * @param init how to create it; the defaults (reliable, ordered, in band) if null
   * @throws IllegalStateException if closed
   */
  public DataChannel createDataChannel(String label, DataChannelInit init) {
    checkOpen();
    DataChannel channel = channels.createDataChannel(label, init);
    dataChannelRequested = true;
    updateNegotiationNeeded();
    return channel;
  }

  /** Creates a reliable, ordered, in-band data channel. */
  public DataChannel createDataChannel(String label) {
    return createDataChannel(label, null);
  }

  /**
   * Closes the connection (webrtc-pc §4.4.1.3): the association is aborted, DTLS sends
   * close_notify, ICE stops, and every data channel closes. What is sending still comes out of
   * {@link #pollWrite()}. No state-change events follow. Closing again does nothing.
   */
  public void close() {
    if (closed) {
      return;
    }
    if (sctp != null && sctp.state() != SctpState.CLOSED) {
      sctp.abort("the peer connection was closed");
    }
    pump();
    if (dtls != null) {
      dtls.close(now);
      pump();
    }
    if (ice != null) {
      ice.close();
    }
    channels.handleClosed();
    closed = true;
    signalingState = SignalingState.CLOSED;
    connectionState = PeerConnectionState.CLOSED;
    iceState = IceConnectionState.CLOSED;
  }

  /**
   * Adds a transceiver (W3C {@code addTransceiver}): the next offer carries an m-section for it,
   * with the codecs of {@link RTCConfiguration#mediaCapabilities()}. Negotiation is needed.
   *
   * @param kind {@code audio} or {@code video}
   * @param direction the direction wanted
   * @throws IllegalArgumentException if the kind is neither, or the capabilities have no codec for
   *     it
   * @throws IllegalStateException if closed
   */
  public RTCRtpTransceiver addTransceiver(String kind, Direction direction) {
    checkOpen();
    if (!MediaDescription.AUDIO.equals(kind) && !MediaDescription.VIDEO.equals(kind)) {
      throw new IllegalArgumentException("a transceiver is audio or video, not " + kind);
    }
    if (config.mediaCapabilities().codecs(kind).isEmpty()) {
      throw new IllegalArgumentException(
          "no " + kind + " codec in the configuration's media capabilities");
    }
    RTCRtpTransceiver t = new RTCRtpTransceiver(kind, direction, false);
    transceivers.add(t);
    updateNegotiationNeeded();
    return t;
  }

  // ---------------------------------------------------------------- getters

  /** The signaling state. */
  public SignalingState signalingState() {
    return signalingState;
  }

  /** The ICE gathering state. */
  public IceGatheringState iceGatheringState() {
    return gatheringState;
  }

  /** The ICE connection state. */
  public IceConnectionState iceConnectionState() {
    return iceState;
  }

  /** The connection state over ICE and DTLS. */
  public PeerConnectionState connectionState() {
    return connectionState;
  }

  /**
   * The local description in force: the pending one if any, else the current one, with every
   * candidate gathered so far (and end-of-candidates once gathering is complete).
   */
  public Optional<RTCSessionDescription> localDescription() {
    SessionDescription sdp = pendingLocal != null ? pendingLocal : currentLocal;
    if (sdp == null) {
      return Optional.empty();
    }
    SdpType type =
        signalingState == SignalingState.HAVE_LOCAL_OFFER
            ? SdpType.OFFER
            : signalingState == SignalingState.HAVE_LOCAL_PRANSWER
                ? SdpType.PRANSWER
                : weAnsweredLast ? SdpType.ANSWER : SdpType.OFFER;
    return Optional.of(new RTCSessionDescription(type, withCandidates(sdp).write()));
  }

  /** The remote description in force: the pending one if any, else the current one. */
  public Optional<RTCSessionDescription> remoteDescription() {
    SessionDescription sdp = remoteDescriptionSdp();
    if (sdp == null) {
      return Optional.empty();
    }
    SdpType type =
        signalingState == SignalingState.HAVE_REMOTE_OFFER
            ? SdpType.OFFER
            : signalingState == SignalingState.HAVE_REMOTE_PRANSWER
                ? SdpType.PRANSWER
                : weAnsweredLast ? SdpType.OFFER : SdpType.ANSWER;
    return Optional.of(new RTCSessionDescription(type, sdp.write()));
  }

  /**
   * Whether the peer can take trickled candidates ({@code a=ice-options:trickle}, RFC 8838 §4.1),
   * or empty before a remote description.
   */
  public Optional<Boolean> canTrickleIceCandidates() {
    SessionDescription remote = remoteDescriptionSdp();
    if (remote == null) {
      return Optional.empty();
    }
    boolean trickle = hasTrickle(remote.iceOptions());
    for (MediaDescription m : remote.mediaDescriptions()) {
      trickle |= hasTrickle(m.iceOptions());
    }
    return Optional.of(trickle);
  }

  /** The data channels that are not closed. */
  public List<DataChannel> dataChannels() {
    return channels.channels();
  }

  /** The transceivers (media m-sections). */
  public List<RTCRtpTransceiver> getTransceivers() {
    return List.copyOf(transceivers);
  }

  /** The senders of the transceivers that are not stopped (webrtc-pc §5.1). */
  public List<RTCRtpSender> getSenders() {
    return transceivers.stream().filter(t -> !t.stopped()).map(RTCRtpTransceiver::sender).toList();
  }

  /** The receivers of the transceivers that are not stopped (webrtc-pc §5.1). */
  public List<RTCRtpReceiver> getReceivers() {
    return transceivers.stream()
        .filter(t -> !t.stopped())
        .map(RTCRtpTransceiver::receiver)
        .toList();
  }

  /** Our certificate's fingerprint, as {@code a=fingerprint} carries it. */
  public CertificateFingerprint fingerprint() {
    return fingerprint;
  }

  /** The ICE pair data goes over, if one works. */
  public Optional<CandidatePair> selectedCandidatePair() {
    return Optional.ofNullable(selectedPair);
  }

  /** The local ICE ufrags in use, for a runtime that shares one port among connections. */
  public Set<String> localUfrags() {
    Set<String> out = new LinkedHashSet<>();
    out.add(localIce.ufrag());
    if (restartIce != null) {
      out.add(restartIce.ufrag());
    }
    return out;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Inbound datagrams and candidates dropped, by reason. */
  public DropCounts<Drop> drops() {
    return drops;
  }

  /** The data channels' association, once DTLS is up and a data section was agreed. */
  public Optional<SctpAssociation> sctpAssociation() {
    return Optional.ofNullable(sctp);
  }

  /** The DTLS transport, once the DTLS role is known. */
  public Optional<DtlsEndpoint> dtlsTransport() {
    return Optional.ofNullable(dtls);
  }

  /** The ICE agent, once a description was applied. */
  public Optional<IceAgent> iceAgent() {
    return Optional.ofNullable(ice);
  }

  // ---------------------------------------------------------------- negotiation

  private void rollback() {
    transceivers.removeIf(t -> t.createdByRemoteOffer() && t.currentDirection().isEmpty());
    for (RTCRtpTransceiver t : transceivers) {
      if (t.currentDirection().isEmpty()
          && t.mid().isPresent()
          && sectionsBeforeOffer.stream().noneMatch(s -> s.mid().equals(t.mid().get()))) {
        t.mid(null); // its m-section was only in the rolled-back offer
      }
    }
    sections = sectionsBeforeOffer;
    pendingLocal = null;
    pendingRemote = null;
    if (iceCreatedByPendingOffer) {
      // The rolled-back offer decided the ICE role; the next description decides it again.
      ice.close();
      ice = null;
      iceCreatedByPendingOffer = false;
      localCandidates.clear();
      gatheringStarted = false;
      remoteIce = null;
      setGatheringState(IceGatheringState.NEW);
    }
    setSignalingState(SignalingState.STABLE);
    updateNegotiationNeeded();
    process();
  }

  private RTCRtpTransceiver transceiver(String mid) {
    for (RTCRtpTransceiver t : transceivers) {
      if (t.mid().isPresent() && t.mid().get().equals(mid)) {
        return t;
      }
    }
    return null;
  }

  /** Our offer gave new transceivers their m-sections (RFC 8829 §5.2.1). */
  private void assignMids(SessionDescription offer) {
    for (MediaDescription m : offer.mediaDescriptions()) {
      if (m.isDataChannel() || transceiver(m.mid()) != null) {
        continue;
      }
      for (RTCRtpTransceiver t : transceivers) {
        if (t.mid().isEmpty() && !t.stopped() && t.kind().equals(m.media())) {
          t.mid(m.mid());
          break;
        }
      }
    }
  }

  /**
   * The peer's offer: each media section gets a transceiver (an unassociated one of ours of its
   * kind, else a new recvonly one, webrtc-pc §4.4.1.6), and {@code track} is raised where the peer
   * sends.
   */
  private void takeRemoteMedia(SessionDescription offer) {
    for (MediaDescription m : offer.mediaDescriptions()) {
      boolean rtpKind =
          MediaDescription.AUDIO.equals(m.media()) || MediaDescription.VIDEO.equals(m.media());
      if (!rtpKind || !MediaNegotiation.isRtpProto(m.proto())) {
        continue;
      }
      RTCRtpTransceiver t = transceiver(m.mid());
      if (t == null && !m.isRejected()) {
        for (RTCRtpTransceiver free : transceivers) {
          if (free.mid().isEmpty() && !free.stopped() && free.kind().equals(m.media())) {
            t = free;
            break;
          }
        }
        if (t == null) {
          t = new RTCRtpTransceiver(m.media(), Direction.RECVONLY, true);
          transceivers.add(t);
        }
        t.mid(m.mid());
      }
      if (t != null && !m.isRejected() && directionOf(offer, m).sends()) {
        events.add(new PeerConnectionEvent.Track(t));
      }
    }
  }

  /** An answer settled each transceiver's direction, or stopped it (webrtc-pc §4.4.1.5/6). */
  private void settleTransceivers(SessionDescription answer, boolean remote) {
    for (MediaDescription m : answer.mediaDescriptions()) {
      RTCRtpTransceiver t = transceiver(m.mid());
      if (t == null) {
        continue;
      }
      if (m.isRejected()) {
        t.stop();
      } else {
        Direction d = directionOf(answer, m);
        t.currentDirection(remote ? d.reversed() : d);
      }
    }
  }

  /** The section's direction: its own, else the session's, else sendrecv (RFC 3264 §5.1). */
  private static Direction directionOf(SessionDescription sdp, MediaDescription m) {
    Direction d = withSessionDirection(sdp, m).direction();
    return d == null ? Direction.SENDRECV : d;
  }

  private static MediaDescription withSessionDirection(SessionDescription sdp, MediaDescription m) {
    boolean hasOwn =
        m.hasAttribute("sendrecv")
            || m.hasAttribute("sendonly")
            || m.hasAttribute("recvonly")
            || m.hasAttribute("inactive");
    if (hasOwn || sdp.direction() == null) {
      return m;
    }
    return m.toBuilder().direction(sdp.direction()).build();
  }

  private MediaDescription.Builder withTransport(
      MediaDescription.Builder b, IceCredentials credentials, Setup setup) {
    return b.addAttribute(new IceUfrag(credentials.ufrag()))
        .addAttribute(new IcePwd(credentials.password()))
        .addAttribute(IceOptions.of("trickle"))
        .addAttribute(Fingerprint.of(fingerprint.algorithm(), fingerprint.value()))
        .addAttribute(setup);
  }

  private void createIce(boolean controlling, IceCredentials credentials) {
    ice =
        new IceAgent(
            IceAgentConfig.builder().controlling(controlling).credentials(credentials).build(),
            random);
    localIce = credentials;
    for (RTCIceServer server : config.iceServers()) {
      for (String url : server.urls()) {
        Optional<InetSocketAddress> stun = stunAddress(url);
        if (stun.isPresent()) {
          ice.addStunServer(stun.get(), now);
        } else {
          events.add(
              new PeerConnectionEvent.IceCandidateError(
                  url,
                  701,
                  url.startsWith("turn")
                      ? "TURN is not supported yet"
                      : "a STUN server must be an IP literal: resolve its name first"));
        }
      }
    }
  }

  private void restartIceNow(IceCredentials credentials) {
    ice.restart(credentials, now); // announces every local candidate again, for the new ufrag
    localIce = credentials;
    remoteIce = null;
    if (gatheringState == IceGatheringState.COMPLETE && !localCandidates.isEmpty()) {
      setGatheringState(IceGatheringState.GATHERING);
      candidatesAfterRestart = localCandidates.size();
    }
    localCandidates.clear();
  }

  /** After a restart, how many candidates are announced again before gathering is complete. */
  private int candidatesAfterRestart;

  private IceCredentials offerCredentials() {
    return restartIce != null ? restartIce : localIce;
  }

  private void startGathering() {
    if (gatheringStarted) {
      return;
    }
    gatheringStarted = true;
    setGatheringState(IceGatheringState.GATHERING);
    if (hostAddressesKnown) {
      gatherHostCandidates();
    }
  }

  private void gatherHostCandidates() {
    if (config.iceTransportPolicy() == IceTransportPolicy.ALL) {
      for (InetSocketAddress a : hostAddresses) {
        ice.addLocalAddress(a, now);
      }
    }
    ice.gatheringComplete();
  }

  private void startDtls(boolean client) {
    if (dtls != null) {
      return; // a renegotiation keeps the DTLS association (RFC 8842 §5.5)
    }
    DtlsConfig dtlsConfig = DtlsConfig.builder(certificate).build();
    dtls =
        client ? DtlsEndpoint.client(dtlsConfig, random) : DtlsEndpoint.server(dtlsConfig, random);
    dtls.setRemoteFingerprints(remoteFingerprints, now);
    channels.setDtlsRole(client);
    if (!client) {
      dtls.start(now);
    } else if (selectedPair != null) {
      dtls.start(now);
    }
    while (!earlyDtls.isEmpty()) {
      Datagram d = earlyDtls.poll();
      lastDtlsRoute = new InetSocketAddress[] {d.local(), d.remote()};
      dtls.handleRead(d.data(), d.offset(), d.length(), now);
    }
  }

  private void maybeStartSctp() {
    if (sctp != null
        || dtls == null
        || dtls.state() != DtlsState.CONNECTED
        || remoteSctpPort < 0
        || remoteDescriptionSdp() == null
        || firstAcceptedData(remoteDescriptionSdp()) == null) {
      return;
    }
    SctpConfig sctpConfig = config.sctp().toBuilder().remotePort(remoteSctpPort).build();
    sctp = new SctpAssociation(sctpConfig, random);
    sctp.setRemoteMaxMessageSize(remoteMaxMessageSize);
    sctp.connect(now);
  }

  private void updateNegotiationNeeded() {
    if (closed) {
      return;
    }
    boolean needed =
        restartIce != null
            || transceivers.stream().anyMatch(t -> t.mid().isEmpty() && !t.stopped())
            || (dataChannelRequested
                && (currentLocal == null || firstAcceptedData(currentLocal) == null));
    if (!needed) {
      negotiationNeeded = false;
      return;
    }
    if (signalingState == SignalingState.STABLE && !negotiationNeeded) {
      negotiationNeeded = true;
      events.add(new PeerConnectionEvent.NegotiationNeeded());
    }
  }

  // ---------------------------------------------------------------- the data path

  private void process() {
    for (int round = 0; round < 64; round++) {
      boolean moved = false;
      if (ice != null) {
        for (IceEvent e = ice.pollEvent(); e != null; e = ice.pollEvent()) {
          moved = true;
          onIce(e);
        }
      }
      if (dtls != null) {
        for (DtlsEvent e = dtls.pollEvent(); e != null; e = dtls.pollEvent()) {
          moved = true;
          onDtls(e);
        }
      }
      if (sctp != null) {
        for (SctpEvent e = sctp.pollEvent(); e != null; e = sctp.pollEvent()) {
          moved = true;
          channels.handle(e);
        }
      }
      if (!moved) {
        return;
      }
    }
  }

  private void onIce(IceEvent e) {
    if (e instanceof IceEvent.CandidateGathered gathered) {
      localCandidates.add(gathered.candidate());
      SessionDescription local = pendingLocal != null ? pendingLocal : currentLocal;
      String mid = MID_DATA_DEFAULT;
      int index = 0;
      if (local != null) {
        MediaDescription tag = tagSection(local);
        if (tag != null) {
          mid = tag.mid();
          index = local.mediaDescriptions().indexOf(tag);
        }
      }
      events.add(
          new PeerConnectionEvent.IceCandidate(
              new RTCIceCandidate(gathered.candidate().toString(), mid, index, localIce.ufrag())));
      if (candidatesAfterRestart > 0 && localCandidates.size() >= candidatesAfterRestart) {
        candidatesAfterRestart = 0;
        setGatheringState(IceGatheringState.COMPLETE);
        events.add(new PeerConnectionEvent.EndOfCandidates());
      }
    } else if (e instanceof IceEvent.GatheringComplete) {
      setGatheringState(IceGatheringState.COMPLETE);
      events.add(new PeerConnectionEvent.EndOfCandidates());
    } else if (e instanceof IceEvent.StateChanged changed) {
      iceState = changed.state();
      events.add(new PeerConnectionEvent.IceConnectionStateChange(iceState));
      updateConnectionState();
    } else if (e instanceof IceEvent.SelectedPairChanged pair) {
      selectedPair = pair.pair();
      if (dtls != null && dtls.isClient() && dtls.state() == DtlsState.NEW) {
        dtls.start(now);
      }
    }
  }

  private void onDtls(DtlsEvent e) {
    if (e instanceof DtlsEvent.ApplicationData data) {
      if (sctp == null) {
        drops.increment(Drop.SCTP_BEFORE_ASSOCIATION);
      } else {
        sctp.handleRead(data.data(), 0, data.data().length, now);
      }
    } else if (e instanceof DtlsEvent.Connected) {
      maybeStartSctp();
      updateConnectionState();
    } else {
      // Closed or Failed: the association cannot go on without its transport.
      channels.handleClosed();
      updateConnectionState();
    }
  }

  /** Moves what SCTP wrote into DTLS records, and DTLS records into datagrams on the ICE pair. */
  private void pump() {
    if (sctp != null && dtls != null && dtls.state() == DtlsState.CONNECTED) {
      for (byte[] p = sctp.pollWrite(); p != null; p = sctp.pollWrite()) {
        dtls.send(p, 0, p.length);
      }
    }
    if (dtls == null) {
      return;
    }
    for (byte[] r = dtls.pollWrite(); r != null; r = dtls.pollWrite()) {
      InetSocketAddress local;
      InetSocketAddress remote;
      if (selectedPair != null) {
        local = selectedPair.localBase();
        remote = selectedPair.remoteAddress();
      } else if (lastDtlsRoute != null) {
        local = lastDtlsRoute[0];
        remote = lastDtlsRoute[1];
      } else {
        drops.increment(Drop.NO_ROUTE);
        continue;
      }
      output.add(new Datagram(r, 0, r.length, local, remote, TransportProtocol.UDP, null));
    }
  }

  // ---------------------------------------------------------------- states

  private void setSignalingState(SignalingState state) {
    if (state != signalingState) {
      signalingState = state;
      events.add(new PeerConnectionEvent.SignalingStateChange(state));
    }
  }

  private void setGatheringState(IceGatheringState state) {
    if (state != gatheringState) {
      gatheringState = state;
      events.add(new PeerConnectionEvent.IceGatheringStateChange(state));
    }
  }

  // webrtc-pc §4.3.3: the connection state over the ICE and DTLS transports.
  private void updateConnectionState() {
    DtlsState d = dtls == null ? DtlsState.NEW : dtls.state();
    IceConnectionState i = iceState;
    PeerConnectionState next;
    if (i == IceConnectionState.FAILED || d == DtlsState.FAILED) {
      next = PeerConnectionState.FAILED;
    } else if (i == IceConnectionState.DISCONNECTED) {
      next = PeerConnectionState.DISCONNECTED;
    } else if ((i == IceConnectionState.NEW || i == IceConnectionState.CLOSED)
        && (d == DtlsState.NEW || d == DtlsState.CLOSED)) {
      next = PeerConnectionState.NEW;
    } else if (i == IceConnectionState.NEW
        || i == IceConnectionState.CHECKING
        || d == DtlsState.NEW
        || d == DtlsState.CONNECTING) {
      next = PeerConnectionState.CONNECTING;
    } else {
      next = PeerConnectionState.CONNECTED;
    }
    if (next != connectionState) {
      connectionState = next;
      events.add(new PeerConnectionEvent.ConnectionStateChange(next));
    }
  }

  // ---------------------------------------------------------------- SDP

  private static SessionDescription parse(String sdp) {
    try {
      return SessionDescription.parse(sdp);
    } catch (SdpParseException e) {
      throw new IllegalArgumentException("malformed SDP: " + e.getMessage(), e);
    }
  }

  /** Checks what applying needs, so that a refused description changes nothing. */
  private void validate(SessionDescription sdp, SdpType type, boolean local) {
    List<MediaDescription> media = sdp.mediaDescriptions();
    Set<String> mids = new LinkedHashSet<>();
    for (MediaDescription m : media) {
      if (m.mid() == null) {
        throw new IllegalArgumentException("every m-section needs an a=mid (RFC 8829 §5.2.1)");
      }
      if (!mids.add(m.mid())) {
        throw new IllegalArgumentException("the mid " + m.mid() + " is used twice");
      }
    }
    MediaDescription tag = tagSection(sdp);
    if (tag != null) {
      if (iceUfrag(sdp, tag) == null || icePwd(sdp, tag) == null) {
        throw new IllegalArgumentException("no a=ice-ufrag and a=ice-pwd for mid " + tag.mid());
      }
      if (!local && fingerprintsOf(sdp).isEmpty()) {
        throw new IllegalArgumentException("no a=fingerprint for mid " + tag.mid());
      }
      Setup setup = sessionSetup(sdp, tag);
      boolean answer = type == SdpType.ANSWER || type == SdpType.PRANSWER;
      if (answer && (setup == null || setup == Setup.ACTPASS || setup == Setup.HOLDCONN)) {
        throw new IllegalArgumentException(
            "an answer must say a=setup:active or passive (RFC 8842 §5.2), not " + setup);
      }
    } else if (type == SdpType.ANSWER || type == SdpType.PRANSWER) {
      if (media.stream().anyMatch(m -> !m.isRejected())) {
        throw new IllegalArgumentException("no usable m-section");
      }
    }
    if (type == SdpType.ANSWER || type == SdpType.PRANSWER) {
      SessionDescription offer = local ? pendingRemote : pendingLocal;
      if (offer == null || offer.mediaDescriptions().size() != media.size()) {
        throw new IllegalArgumentException(
            "an answer must have as many m-sections as the offer (RFC 3264 §6)");
      }
      for (int i = 0; i < media.size(); i++) {
        if (!Objects.equals(offer.mediaDescriptions().get(i).mid(), media.get(i).mid())) {
          throw new IllegalArgumentException("m-section " + i + " answers another mid");
        }
      }
    }
    credentialsOf(sdp);
    if (!local) {
      fingerprintsOf(sdp);
    }
  }

  private SessionDescription remoteDescriptionSdp() {
    return pendingRemote != null ? pendingRemote : currentRemote;
  }

  private static List<Section> sectionsOf(SessionDescription sdp) {
    List<Section> out = new ArrayList<>();
    for (MediaDescription m : sdp.mediaDescriptions()) {
      out.add(new Section(m.mid(), m.media(), m.isDataChannel(), m.isRejected()));
    }
    return List.copyOf(out);
  }

  private static String freeMid(List<Section> plan) {
    for (int i = 0; ; i++) {
      String candidate = Integer.toString(i);
      if (plan.stream().noneMatch(s -> s.mid().equals(candidate))) {
        return candidate;
      }
    }
  }

  /** The first accepted m-section: the one whose transport BUNDLE uses (RFC 8843 §7.2.1). */
  private static MediaDescription tagSection(SessionDescription sdp) {
    List<Group> bundles = sdp.bundleGroups();
    if (!bundles.isEmpty() && !bundles.get(0).mids().isEmpty()) {
      MediaDescription tagged = sdp.media(bundles.get(0).mids().get(0));
      if (tagged != null && !tagged.isRejected()) {
        return tagged;
      }
    }
    for (MediaDescription m : sdp.mediaDescriptions()) {
      if (!m.isRejected()) {
        return m;
      }
    }
    return null;
  }

  private static MediaDescription firstAcceptedData(SessionDescription sdp) {
    for (MediaDescription m : sdp.mediaDescriptions()) {
      if (m.isDataChannel() && !m.isRejected()) {
        return m;
      }
    }
    return null;
  }

  private static String iceUfrag(SessionDescription sdp, MediaDescription m) {
    return m.iceUfrag() != null ? m.iceUfrag() : sdp.iceUfrag();
  }

  private static String icePwd(SessionDescription sdp, MediaDescription m) {
    return m.icePwd() != null ? m.icePwd() : sdp.icePwd();
  }

  private static Setup sessionSetup(SessionDescription sdp, MediaDescription m) {
    if (m != null && m.setup() != null) {
      return m.setup();
    }
    return sdp.setup();
  }

  private static IceCredentials credentialsOf(SessionDescription sdp) {
    MediaDescription tag = tagSection(sdp);
    if (tag == null) {
      return null;
    }
    try {
      return new IceCredentials(iceUfrag(sdp, tag), icePwd(sdp, tag));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad ICE credentials: " + e.getMessage(), e);
    }
  }

  private static List<CertificateFingerprint> fingerprintsOf(SessionDescription sdp) {
    MediaDescription tag = tagSection(sdp);
    List<Fingerprint> found =
        tag != null && !tag.fingerprints().isEmpty() ? tag.fingerprints() : sdp.fingerprints();
    List<CertificateFingerprint> out = new ArrayList<>();
    for (Fingerprint f : found) {
      try {
        out.add(CertificateFingerprint.parse(f.toAttribute().value()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad a=fingerprint: " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }

  private void addRemoteCandidates(SessionDescription sdp) {
    Set<String> seen = new LinkedHashSet<>();
    boolean end = false;
    for (MediaDescription m : sdp.mediaDescriptions()) {
      if (m.isRejected()) {
        continue;
      }
      for (Attribute a : m.attributes("candidate")) {
        if (!seen.add(a.value())) {
          continue;
        }
        try {
          ice.addRemoteCandidate(Candidate.parse(a.value()), now);
        } catch (ParseException e) {
          drops.increment(Drop.UNKNOWN_PACKET);
        }
      }
      end |= m.isEndOfCandidates();
    }
    if (end) {
      ice.endOfRemoteCandidates(now);
    }
  }

  private static boolean hasTrickle(IceOptions options) {
    return options != null && options.options().contains("trickle");
  }

  private Setup answerSetup(Setup offered) {
    if (dtls != null) {
      return dtls.isClient() ? Setup.ACTIVE : Setup.PASSIVE;
    }
    // RFC 8842 §5.3: answer actpass (and passive) with active, active with passive.
    return offered == Setup.ACTIVE ? Setup.PASSIVE : Setup.ACTIVE;
  }

  private MediaDescription dataSection(String mid, IceCredentials credentials, Setup setup) {
    MediaDescription.Builder b =
        MediaDescription.builder(MediaDescription.APPLICATION, 9, MediaDescription.UDP_DTLS_SCTP)
            .addFormat(MediaDescription.WEBRTC_DATACHANNEL)
            .connection(Connection.IP4_ANY);
    return withTransport(b, credentials, setup)
        .addAttribute(new Mid(mid))
        .addAttribute(new SctpPort(config.sctp().localPort()))
        .addAttribute(new MaxMessageSize(config.sctp().maxMessageSize()))
        .build();
  }

  private static MediaDescription rejectedSection(
      String kind, String proto, String mid, List<String> formats) {
    String p =
        proto != null
            ? proto
            : MediaDescription.APPLICATION.equals(kind)
                ? MediaDescription.UDP_DTLS_SCTP
                : MediaDescription.UDP_TLS_RTP_SAVPF;
    MediaDescription.Builder b =
        MediaDescription.builder(kind, 0, p).connection(Connection.IP4_ANY);
    if (formats != null && !formats.isEmpty()) {
      b.formats(formats);
    } else {
      b.addFormat(
          MediaDescription.APPLICATION.equals(kind) ? MediaDescription.WEBRTC_DATACHANNEL : "0");
    }
    if (mid != null) {
      b.addAttribute(new Mid(mid));
    }
    return b.build();
  }

  /** The description with our candidates in its tagged m-section. */
  private SessionDescription withCandidates(SessionDescription sdp) {
    MediaDescription tag = tagSection(sdp);
    if (tag == null
        || (localCandidates.isEmpty() && gatheringState != IceGatheringState.COMPLETE)) {
      return sdp;
    }
    String ufrag = iceUfrag(sdp, tag);
    if (!localIce.ufrag().equals(ufrag)) {
      return sdp; // candidates of this generation belong to another description
    }
    MediaDescription.Builder m = tag.toBuilder().removeAttributes("candidate");
    m.removeAttributes(PropertyAttribute.END_OF_CANDIDATES.toAttribute().name());
    for (Candidate c : localCandidates) {
      String line = c.toString();
      m.addAttribute(Attribute.of("candidate", line.substring("candidate:".length())));
    }
    if (gatheringState == IceGatheringState.COMPLETE) {
      m.addAttribute(PropertyAttribute.END_OF_CANDIDATES);
    }
    SessionDescription.Builder b = sdp.toBuilder();
    b.setMedia(sdp.mediaDescriptions().indexOf(tag), m.build());
    return b.build();
  }

  private static Optional<InetSocketAddress> stunAddress(String url) {
    Matcher m = STUN_URL.matcher(url);
    if (!m.matches()) {
      return Optional.empty();
    }
    String host = m.group(1);
    if (host.startsWith("[")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = m.group(2) == null ? 3478 : Integer.parseInt(m.group(2));
    if (port > 65535) {
      return Optional.empty();
    }
    try {
      return Optional.of(new InetSocketAddress(InetAddress.getByName(host), port)); // a literal
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- small things

  private void advance(long nowNanos) {
    now = nowNanos;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the peer connection is closed");
    }
  }

  @Override
  public String toString() {
    return "RTCPeerConnection["
        + signalingState.jsonName()
        + " ice="
        + iceState
        + " "
        + connectionState
        + "]";
  }

  /** The association as the data channels see it; before it exists, nothing can be sent. */
  private final class LateTransport implements DataChannelTransport {
    @Override
    public SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options) {
      return sctp == null
          ? SendStatus.NOT_CONNECTED
          : sctp.send(streamId, ppid, payload, options, now);
    }

    @Override
    public void resetStreams(int... streamIds) {
      if (sctp != null) {
        sctp.resetStreams(streamIds);
      }
    }

    @Override
    public long bufferedAmount(int streamId) {
      return sctp == null ? 0 : sctp.bufferedAmount(streamId);
    }

    @Override
    public void setBufferedAmountLowThreshold(int streamId, long threshold) {
      if (sctp != null) {
        sctp.setBufferedAmountLowThreshold(streamId, threshold);
      }
    }
  }
}
