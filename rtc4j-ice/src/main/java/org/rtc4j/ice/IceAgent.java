package org.rtc4j.ice;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TimerTable;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.stun.MessageClass;
import org.rtc4j.stun.MessageType;
import org.rtc4j.stun.StunClientTransaction;
import org.rtc4j.stun.StunCredentials;
import org.rtc4j.stun.StunMessage;
import org.rtc4j.stun.StunMethod;
import org.rtc4j.stun.TransactionId;
import org.rtc4j.stun.attributes.ErrorCode;
import org.rtc4j.stun.attributes.Fingerprint;
import org.rtc4j.stun.attributes.IceControlled;
import org.rtc4j.stun.attributes.IceControlling;
import org.rtc4j.stun.attributes.MappedAddress;
import org.rtc4j.stun.attributes.Priority;
import org.rtc4j.stun.attributes.UseCandidate;
import org.rtc4j.stun.attributes.Username;
import org.rtc4j.stun.attributes.XorMappedAddress;

/**
 * A full ICE agent (RFC 8445) for one component over UDP, sans-I/O: what browsers use with BUNDLE
 * and rtcp-mux.
 *
 * <p>The owner hands it local addresses ({@link #addLocalAddress}), the peer's credentials and
 * candidates as signalling delivers them ({@link #setRemoteCredentials}, {@link
 * #addRemoteCandidate}, {@link #endOfRemoteCandidates}), and drives it like every rtc4j state
 * machine. It paces connectivity checks by Ta, answers the peer's checks, learns peer-reflexive
 * candidates, repairs role conflicts (RFC 8445 §7.3.1.1), nominates (regular nomination when
 * controlling; accepting the peer's nomination, regular or aggressive, when controlled), and
 * reports what it finds as {@link IceEvent}s. Data goes over {@link #selectedPair()}.
 *
 * <p>Every inbound check is authenticated with the short-term credentials (USERNAME,
 * MESSAGE-INTEGRITY, FINGERPRINT); anything else is dropped and counted in {@link #drops()}. Not
 * thread-safe.
 */
public final class IceAgent implements DatagramEndpoint {
  /** Why an inbound datagram was dropped. */
  public enum Drop {
    /** Not STUN: the owner should not route it here. */
    NOT_STUN,
    /** Malformed STUN, a wrong FINGERPRINT, or a check without FINGERPRINT. */
    MALFORMED,
    /** A STUN method other than Binding. */
    NOT_BINDING,
    /** Arrived on an address that is not one of our bases. */
    UNKNOWN_LOCAL_ADDRESS,
    /** USERNAME or MESSAGE-INTEGRITY missing or wrong. */
    UNAUTHENTICATED,
    /** A response to no check in flight. */
    UNKNOWN_TRANSACTION,
    /** The output queue was full, so a response was not sent. */
    OUTPUT_QUEUE_FULL,
    /** Arrived after {@link #close()}. */
    CLOSED,
    /** A malformed mDNS message. */
    MDNS_MALFORMED
  }

  private enum Timer {
    PACING,
    NOMINATION,
    CONSENT_CHECK,
    DISCONNECTED,
    CONSENT_EXPIRY,
    MDNS_QUERY
  }

  /** mDNS's IPv4 group, 224.0.0.251, port 5353 (RFC 6762 §3). */
  private static final InetSocketAddress MDNS_GROUP =
      new InetSocketAddress(mdnsGroup(), MdnsMessage.PORT);

  private static final int MDNS_QUERIES = 3;

  private static InetAddress mdnsGroup() {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) 224, 0, 0, (byte) 251});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private record Check(
      CandidatePair pair,
      boolean nominating,
      boolean sentControlling,
      boolean consent,
      StunClientTransaction transaction) {}

  /** A Binding request to a STUN server, to learn a server-reflexive candidate. */
  private record Gathering(
      LocalCandidate host, InetSocketAddress server, StunClientTransaction transaction) {}

  private final IceAgentConfig config;
  private final RandomSource random;
  private IceCredentials local;
  private final long tiebreaker;
  private byte[] localKey;
  private IceCredentials remote;
  private byte[] remoteKey;
  private boolean controlling;
  private final List<LocalCandidate> locals = new ArrayList<>();
  private final Map<Candidate, InetSocketAddress> remotes = new LinkedHashMap<>();
  private boolean remoteEndOfCandidates;
  private final CheckList checkList;
  private final ArrayDeque<CandidatePair> triggered = new ArrayDeque<>();
  private final Map<TransactionId, Check> checks = new LinkedHashMap<>();
  private final Map<TransactionId, Gathering> gatherings = new LinkedHashMap<>();
  private final List<InetSocketAddress> stunServers = new ArrayList<>();
  private boolean gatheringRequestedComplete;
  private boolean gatheringCompleteSent;
  private final Map<String, InetAddress> ownNames = new LinkedHashMap<>();
  private final Map<String, List<Candidate>> unresolved = new LinkedHashMap<>();
  private final Map<String, Integer> queriesSent = new LinkedHashMap<>();
  private final ArrayDeque<Datagram> output = new ArrayDeque<>();
  private final ArrayDeque<IceEvent> events = new ArrayDeque<>();
  private final TimerTable<Timer> timers = new TimerTable<>(Timer.class);
  private final DropCounts<Drop> drops = new DropCounts<>(Drop.class);
  private IceConnectionState state = IceConnectionState.NEW;
  private CandidatePair selected; // what data goes over; kept across a restart
  private CandidatePair nominatedPair; // nominated in this generation of checks, or null
  private long lastCheckAt = Long.MIN_VALUE;
  private int peerReflexiveCount;
  private IceConnectionState stateBeforeDisconnect;

  /**
   * @param config the behaviour
   * @param random where credentials, the tie-breaker and transaction ids come from
   */
  public IceAgent(IceAgentConfig config, RandomSource random) {
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
    this.local =
        config.credentials() != null ? config.credentials() : IceCredentials.random(random);
    this.localKey = StunCredentials.shortTermKey(local.password());
    this.tiebreaker = random.nextLong();
    this.controlling = config.controlling();
    this.checkList = new CheckList(config.maxPairs(), controlling);
  }

  /** Our ufrag and password, to signal to the peer. */
  public IceCredentials localCredentials() {
    return local;
  }

  /** Whether this agent is controlling now (a role conflict may have changed it). */
  public boolean isControlling() {
    return controlling;
  }

  /** The connection state. */
  public IceConnectionState state() {
    return state;
  }

  /** The pair data goes over, if one works. */
  public Optional<CandidatePair> selectedPair() {
    return Optional.ofNullable(selected);
  }

  /** The check list, highest priority first (for inspection and stats). */
  public List<CandidatePair> pairs() {
    return List.copyOf(checkList.pairs());
  }

  /** Inbound datagrams dropped, by reason. */
  public DropCounts<Drop> drops() {
    return drops;
  }

  /**
   * Makes a host candidate on {@code base}, a UDP address the owner has bound. Earlier addresses
   * get a higher local preference. The candidate comes out as {@link IceEvent.CandidateGathered}.
   *
   * @return the candidate
   * @throws IllegalStateException if the agent is closed
   * @throws IllegalArgumentException if the address is unresolved, a wildcard, or already added
   */
  public Candidate addLocalAddress(InetSocketAddress base, long nowNanos) {
    checkOpen();
    if (base.isUnresolved() || base.getAddress().isAnyLocalAddress() || base.getPort() == 0) {
      throw new IllegalArgumentException("a host candidate needs a concrete address: " + base);
    }
    for (LocalCandidate l : locals) {
      if (l.base().equals(base)) {
        throw new IllegalArgumentException("already a local address: " + base);
      }
    }
    int localPreference = Math.max(0, 65535 - locals.size());
    String address = base.getAddress().getHostAddress();
    if (config.mdnsHostNames()) {
      address = mdnsName();
      ownNames.put(address, base.getAddress());
    }
    Candidate c =
        new Candidate(
            Candidate.foundation(
                CandidateType.HOST, base.getAddress(), null, TransportProtocol.UDP),
            1,
            "udp",
            CandidateType.HOST.priority(localPreference, 1),
            address,
            base.getPort(),
            CandidateType.HOST,
            null,
            -1,
            List.of());
    LocalCandidate lc = new LocalCandidate(c, base);
    locals.add(lc);
    checkList.pairLocal(lc, remotes);
    events.add(new IceEvent.CandidateGathered(c));
    for (InetSocketAddress server : stunServers) {
      gather(lc, server, nowNanos);
    }
    schedule(nowNanos);
    return c;
  }

  /**
   * Adds a STUN server: each host candidate (those added before and after) sends it a Binding
   * request, and the address the server saw becomes a server-reflexive candidate (RFC 8445
   * §5.1.1.2). The requests come out of {@link #pollWrite()} like everything else.
   */
  public void addStunServer(InetSocketAddress server, long nowNanos) {
    checkOpen();
    if (server.isUnresolved()) {
      throw new IllegalArgumentException("resolve the STUN server's name first: " + server);
    }
    stunServers.add(server);
    for (LocalCandidate l : List.copyOf(locals)) {
      if (l.candidate().type() == CandidateType.HOST) {
        gather(l, server, nowNanos);
      }
    }
  }

  private void gather(LocalCandidate host, InetSocketAddress server, long nowNanos) {
    boolean sameFamily =
        (host.base().getAddress() instanceof Inet4Address)
            == (server.getAddress() instanceof Inet4Address);
    if (!sameFamily) {
      return;
    }
    TransactionId id = TransactionId.random(random);
    byte[] request = StunMessage.builder(MessageType.BINDING_REQUEST, id).fingerprint().encode();
    gatherings.put(
        id,
        new Gathering(
            host,
            server,
            new StunClientTransaction(
                id, request, TransportProtocol.UDP, config.checkRetransmission(), nowNanos)));
  }

  private void handleGatheringResponse(
      Gathering g, StunMessage response, Datagram datagram, long nowNanos) {
    gatherings.remove(response.transactionId());
    g.transaction().handleResponse(response, nowNanos);
    Optional<InetSocketAddress> mapped =
        response
            .attribute(XorMappedAddress.class)
            .map(XorMappedAddress::address)
            .or(() -> response.attribute(MappedAddress.class).map(MappedAddress::address));
    if (response.type().messageClass() == MessageClass.SUCCESS_RESPONSE
        && mapped.isPresent()
        && !mapped.get().equals(g.host().base())
        && locals.stream()
            .noneMatch(l -> mapped.get().equals(l.candidate().socketAddress().orElse(null)))) {
      InetSocketAddress base = g.host().base();
      long localPreference = (g.host().candidate().priority() >>> 8) & 0xFFFF;
      Candidate srflx =
          new Candidate(
              Candidate.foundation(
                  CandidateType.SERVER_REFLEXIVE,
                  base.getAddress(),
                  g.server(),
                  TransportProtocol.UDP),
              1,
              "udp",
              CandidateType.SERVER_REFLEXIVE.priority((int) localPreference, 1),
              mapped.get().getAddress().getHostAddress(),
              mapped.get().getPort(),
              CandidateType.SERVER_REFLEXIVE,
              base.getAddress().getHostAddress(),
              base.getPort(),
              List.of());
      LocalCandidate lc = new LocalCandidate(srflx, base);
      locals.add(lc);
      checkList.pairLocal(lc, remotes); // redundant with the host's pairs: pruned
      events.add(new IceEvent.CandidateGathered(srflx));
    }
    maybeGatheringComplete();
  }

  // mDNS (draft-ietf-mmusic-mdns-ice-candidates): answer for our names, resolve the peer's.
  private void handleMdns(Datagram datagram, long nowNanos) {
    MdnsMessage message;
    try {
      message = MdnsMessage.parse(datagram.data(), datagram.offset(), datagram.length());
    } catch (ParseException e) {
      drops.increment(Drop.MDNS_MALFORMED);
      return;
    }
    if (!message.response()) {
      List<MdnsMessage.Answer> answers = new ArrayList<>();
      for (MdnsMessage.Question q : message.questions()) {
        InetAddress ip = ownNames.get(q.name());
        boolean v4 = ip instanceof Inet4Address;
        if (ip != null
            && ((q.type() == MdnsMessage.TYPE_A && v4)
                || (q.type() == MdnsMessage.TYPE_AAAA && !v4))) {
          answers.add(new MdnsMessage.Answer(q.name(), ip, 120));
        }
      }
      if (!answers.isEmpty() && output.size() < config.maxQueuedDatagrams()) {
        byte[] bytes = new MdnsMessage(true, List.of(), answers).encode();
        InetAddress from = answers.get(0).address();
        output.add(Datagram.udp(bytes, new InetSocketAddress(from, MdnsMessage.PORT), MDNS_GROUP));
      }
      return;
    }
    for (MdnsMessage.Answer a : message.answers()) {
      List<Candidate> waiting = unresolved.remove(a.name());
      if (waiting == null) {
        continue;
      }
      queriesSent.remove(a.name());
      for (Candidate c : waiting) {
        addRemoteCandidate(c.withAddress(new InetSocketAddress(a.address(), c.port())), nowNanos);
      }
    }
  }

  /** Sends one query for every name still unresolved, up to three times a name. */
  private void queryMdns(long nowNanos) {
    Optional<LocalCandidate> v4 =
        locals.stream().filter(l -> l.base().getAddress() instanceof Inet4Address).findFirst();
    List<MdnsMessage.Question> questions = new ArrayList<>();
    for (Iterator<Map.Entry<String, Integer>> it = queriesSent.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<String, Integer> e = it.next();
      if (e.getValue() >= MDNS_QUERIES) {
        it.remove(); // nobody answers for it: the candidate stays unusable
        unresolved.remove(e.getKey());
      } else if (v4.isPresent()) {
        questions.add(new MdnsMessage.Question(e.getKey(), MdnsMessage.TYPE_A));
        e.setValue(e.getValue() + 1);
      }
    }
    if (!questions.isEmpty() && output.size() < config.maxQueuedDatagrams()) {
      byte[] bytes = new MdnsMessage(false, questions, List.of()).encode();
      InetSocketAddress from =
          new InetSocketAddress(v4.get().base().getAddress(), MdnsMessage.PORT);
      output.add(Datagram.udp(bytes, from, MDNS_GROUP));
    }
    if (!queriesSent.isEmpty()) {
      timers.set(Timer.MDNS_QUERY, Time.after(nowNanos, Time.seconds(1)));
    }
  }

  /** A fresh {@code <uuid>.local} name: a random (version 4) UUID, as browsers make them. */
  private String mdnsName() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0F) | 0x40);
    b[8] = (byte) ((b[8] & 0x3F) | 0x80);
    String hex = HexFormat.of().formatHex(b);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20)
        + ".local";
  }

  private void maybeGatheringComplete() {
    if (gatheringRequestedComplete && gatherings.isEmpty() && !gatheringCompleteSent) {
      gatheringCompleteSent = true;
      events.add(new IceEvent.GatheringComplete());
    }
  }

  /**
   * Says that no more local addresses will come. {@link IceEvent.GatheringComplete} follows once
   * every STUN server has answered or timed out (trickle ICE end-of-candidates).
   */
  public void gatheringComplete() {
    checkOpen();
    gatheringRequestedComplete = true;
    maybeGatheringComplete();
  }

  /**
   * Sets the peer's ufrag and password, from its description. Checks start once these and a remote
   * candidate are known.
   */
  public void setRemoteCredentials(IceCredentials credentials, long nowNanos) {
    checkOpen();
    this.remote = Objects.requireNonNull(credentials, "credentials");
    this.remoteKey = StunCredentials.shortTermKey(credentials.password());
    schedule(nowNanos);
  }

  /**
   * Adds a candidate of the peer's, from its description or trickled later (RFC 8838 §10).
   *
   * @return true if the agent can use it; false for candidates it cannot (TCP, or an mDNS name that
   *     has not been resolved yet), which are ignored
   */
  public boolean addRemoteCandidate(Candidate candidate, long nowNanos) {
    checkOpen();
    if (candidate.isMdns()
        && candidate.transportProtocol().orElse(null) == TransportProtocol.UDP
        && candidate.component() == 1) {
      String name = candidate.address().toLowerCase(Locale.ROOT);
      boolean first = !unresolved.containsKey(name);
      unresolved.computeIfAbsent(name, n -> new ArrayList<>()).add(candidate);
      if (first) {
        queriesSent.put(name, 0);
        queryMdns(nowNanos);
      }
      return true;
    }
    Optional<InetSocketAddress> address = candidate.socketAddress();
    if (address.isEmpty()
        || candidate.transportProtocol().orElse(null) != TransportProtocol.UDP
        || candidate.component() != 1) {
      return false;
    }
    remotes.put(candidate, address.get());
    checkList.pairRemote(candidate, address.get(), locals);
    schedule(nowNanos);
    return true;
  }

  /** Says the peer has no more candidates (RFC 8838 §4.4); without it ICE never fails. */
  public void endOfRemoteCandidates(long nowNanos) {
    checkOpen();
    remoteEndOfCandidates = true;
    updateFailure();
  }

  /**
   * Restarts ICE (RFC 8445 §9): new local credentials, and checks start again from scratch once the
   * peer's new credentials and candidates arrive. Data keeps going over the current selected pair
   * until a new pair is nominated. Local candidates are announced again, for the new description.
   *
   * @return the new local credentials, to signal to the peer
   * @throws IllegalStateException if the agent is closed
   */
  public IceCredentials restart(long nowNanos) {
    return restart(IceCredentials.random(random), nowNanos);
  }

  /**
   * Restarts ICE with credentials the owner chose, as a peer connection does when the description
   * that carries them is applied; otherwise as {@link #restart(long)}.
   *
   * @return {@code credentials}
   * @throws IllegalStateException if the agent is closed
   * @throws IllegalArgumentException if the ufrag is the one in use (RFC 8445 §9 needs new ones)
   */
  public IceCredentials restart(IceCredentials credentials, long nowNanos) {
    checkOpen();
    if (credentials.ufrag().equals(local.ufrag())) {
      throw new IllegalArgumentException("an ICE restart needs a new ufrag: " + credentials);
    }
    local = credentials;
    localKey = StunCredentials.shortTermKey(local.password());
    remote = null;
    remoteKey = null;
    remotes.clear();
    remoteEndOfCandidates = false;
    checkList.clear();
    triggered.clear();
    nominatedPair = null;
    timers.stop(Timer.PACING);
    timers.stop(Timer.NOMINATION);
    // Consent on the old pair needs the old credentials: hold its timers until the new pair.
    timers.stop(Timer.CONSENT_CHECK);
    timers.stop(Timer.DISCONNECTED);
    timers.stop(Timer.CONSENT_EXPIRY);
    checks.clear();
    lastCheckAt = Long.MIN_VALUE;
    if (state == IceConnectionState.FAILED || state == IceConnectionState.DISCONNECTED) {
      setState(IceConnectionState.CHECKING);
    }
    for (LocalCandidate l : locals) {
      events.add(new IceEvent.CandidateGathered(l.candidate()));
    }
    return local;
  }

  /** Stops the agent: nothing more is sent, and inbound datagrams are dropped. */
  public void close() {
    if (state == IceConnectionState.CLOSED) {
      return;
    }
    checks.clear();
    gatherings.clear();
    triggered.clear();
    output.clear();
    for (Timer t : Timer.values()) {
      timers.stop(t);
    }
    setState(IceConnectionState.CLOSED);
  }

  /** The next event, or {@code null}. */
  public IceEvent pollEvent() {
    return events.poll();
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    if (state == IceConnectionState.CLOSED) {
      drops.increment(Drop.CLOSED);
      return;
    }
    boolean stun = StunMessage.isStun(datagram.data(), datagram.offset(), datagram.length());
    if (datagram.local().getAddress().isMulticastAddress()
        || (!stun && datagram.remote().getPort() == MdnsMessage.PORT)) {
      handleMdns(datagram, nowNanos);
      return;
    }
    if (!stun) {
      drops.increment(Drop.NOT_STUN);
      return;
    }
    StunMessage message;
    try {
      message = StunMessage.decode(datagram);
    } catch (ParseException e) {
      drops.increment(Drop.MALFORMED);
      return;
    }
    if (message.type().method() != StunMethod.BINDING) {
      drops.increment(Drop.NOT_BINDING);
      return;
    }
    Optional<LocalCandidate> base = localFor(datagram.local());
    if (base.isEmpty()) {
      drops.increment(Drop.UNKNOWN_LOCAL_ADDRESS);
      return;
    }
    switch (message.type().messageClass()) {
      case REQUEST -> handleRequest(message, datagram, base.get(), nowNanos);
      case SUCCESS_RESPONSE, ERROR_RESPONSE -> {
        Gathering g = gatherings.get(message.transactionId());
        if (g != null) {
          handleGatheringResponse(g, message, datagram, nowNanos);
        } else {
          handleResponse(message, datagram, nowNanos);
        }
      }
      case INDICATION -> {
        // A keepalive (RFC 8445 §11): nothing to do.
      }
    }
  }

  @Override
  public Datagram pollWrite() {
    Datagram d = output.poll();
    if (d != null) {
      return d;
    }
    for (Gathering g : gatherings.values()) {
      byte[] bytes = g.transaction().pollRequest();
      if (bytes != null) {
        return Datagram.udp(bytes, g.host().base(), g.server());
      }
    }
    for (Check c : checks.values()) {
      byte[] bytes = c.transaction().pollRequest();
      if (bytes != null) {
        return Datagram.udp(bytes, c.pair().localBase(), c.pair().remoteAddress());
      }
    }
    return null;
  }

  @Override
  public void handleTimeout(long nowNanos) {
    if (state == IceConnectionState.CLOSED) {
      return;
    }
    for (Iterator<Check> it = checks.values().iterator(); it.hasNext(); ) {
      Check c = it.next();
      c.transaction().handleTimeout(nowNanos);
      if (c.transaction().state() == StunClientTransaction.State.TIMED_OUT) {
        it.remove();
        if (!c.consent()) {
          c.pair().state(CandidatePair.State.FAILED);
        } // a lost consent check is judged by the consent timers alone
      }
    }
    for (Iterator<Gathering> it = gatherings.values().iterator(); it.hasNext(); ) {
      StunClientTransaction t = it.next().transaction();
      t.handleTimeout(nowNanos);
      if (t.state() == StunClientTransaction.State.TIMED_OUT) {
        it.remove(); // the server is unreachable: no server-reflexive candidate from it
        maybeGatheringComplete();
      }
    }
    if (timers.expire(Timer.PACING, nowNanos)) {
      sendNextCheck(nowNanos);
    }
    if (timers.expire(Timer.NOMINATION, nowNanos)) {
      nominateBest();
    }
    if (timers.expire(Timer.CONSENT_CHECK, nowNanos) && selected != null) {
      sendConsentCheck(nowNanos);
    }
    if (timers.expire(Timer.DISCONNECTED, nowNanos)) {
      stateBeforeDisconnect = state;
      setState(IceConnectionState.DISCONNECTED);
    }
    if (timers.expire(Timer.CONSENT_EXPIRY, nowNanos)) {
      consentLost(nowNanos);
    }
    if (timers.expire(Timer.MDNS_QUERY, nowNanos)) {
      queryMdns(nowNanos);
    }
    schedule(nowNanos);
    updateFailure();
  }

  @Override
  public long pollTimeout() {
    long earliest = timers.earliest();
    for (Gathering g : gatherings.values()) {
      earliest = Math.min(earliest, g.transaction().pollTimeout());
    }
    for (Check c : checks.values()) {
      earliest = Math.min(earliest, c.transaction().pollTimeout());
    }
    return earliest;
  }

  // RFC 8445 §7.3: an inbound check.
  private void handleRequest(
      StunMessage request, Datagram datagram, LocalCandidate base, long nowNanos) {
    if (!request.has(Fingerprint.class)) {
      drops.increment(Drop.MALFORMED);
      return;
    }
    Optional<Username> username = request.attribute(Username.class);
    if (username.isEmpty()
        || !username.get().value().startsWith(local.ufrag() + ":")
        || !request.verifyIntegrity(localKey)) {
      drops.increment(Drop.UNAUTHENTICATED);
      return;
    }
    // RFC 8445 §7.3.1.1: repair a role conflict.
    Optional<IceControlling> theyControl = request.attribute(IceControlling.class);
    Optional<IceControlled> theyAreControlled = request.attribute(IceControlled.class);
    if (controlling && theyControl.isPresent()) {
      if (Long.compareUnsigned(tiebreaker, theyControl.get().tiebreaker()) >= 0) {
        respond(request, datagram, false);
        return;
      }
      switchRole(false);
    } else if (!controlling && theyAreControlled.isPresent()) {
      // A lite agent is always controlled: the full peer must take control (RFC 8445 §6.1.1).
      if (!config.lite()
          && Long.compareUnsigned(tiebreaker, theyAreControlled.get().tiebreaker()) >= 0) {
        switchRole(true);
      } else {
        respond(request, datagram, false);
        return;
      }
    }
    respond(request, datagram, true);

    // RFC 8445 §7.3.1.3: a source we were not told of is a peer-reflexive candidate.
    Candidate remoteCandidate = remoteAt(datagram.remote()).orElse(null);
    if (remoteCandidate == null) {
      long priority = request.attribute(Priority.class).map(Priority::priority).orElse(0L);
      remoteCandidate =
          new Candidate(
              "prflx" + (++peerReflexiveCount),
              1,
              "udp",
              priority,
              datagram.remote().getAddress().getHostAddress(),
              datagram.remote().getPort(),
              CandidateType.PEER_REFLEXIVE,
              null,
              -1,
              List.of());
      remotes.put(remoteCandidate, datagram.remote());
    }

    // RFC 8445 §7.3.1.4: a triggered check on the pair the request came in on.
    Candidate from = remoteCandidate;
    CandidatePair pair =
        checkList
            .find(base.base(), datagram.remote())
            .or(() -> checkList.add(base, from, datagram.remote()))
            .orElse(null);
    if (pair == null) {
      return; // incompatible, or beyond the pair limit
    }
    boolean nominatedByPeer = !controlling && request.has(UseCandidate.class);
    if (config.lite()) {
      // A lite agent does not check: an authenticated check proves the pair (RFC 8445 §2.5).
      pair.state(CandidatePair.State.SUCCEEDED);
      if (state == IceConnectionState.NEW || state == IceConnectionState.CHECKING) {
        setState(IceConnectionState.CONNECTED);
      }
      if (nominatedByPeer && nominatedPair != pair) {
        nominated(pair, nowNanos);
      } else if (pair == selected) {
        consentGranted(nowNanos); // the peer's consent checks keep the pair alive
      }
      return;
    }
    switch (pair.state()) {
      case SUCCEEDED -> {
        if (nominatedByPeer) {
          nominated(pair, nowNanos); // RFC 8445 §7.3.1.5
        }
      }
      case IN_PROGRESS -> {
        if (nominatedByPeer) {
          pair.nominateOnSuccess(true);
        }
      }
      default -> {
        pair.state(CandidatePair.State.WAITING);
        if (nominatedByPeer) {
          pair.nominateOnSuccess(true);
        }
        if (!triggered.contains(pair)) {
          triggered.add(pair);
        }
      }
    }
    if (state == IceConnectionState.NEW) {
      setState(IceConnectionState.CHECKING);
    }
    schedule(nowNanos);
  }

  private void respond(StunMessage request, Datagram datagram, boolean success) {
    if (output.size() >= config.maxQueuedDatagrams()) {
      drops.increment(Drop.OUTPUT_QUEUE_FULL);
      return;
    }
    StunMessage.Builder b;
    if (success) {
      b =
          StunMessage.builder(MessageType.BINDING_SUCCESS, request.transactionId())
              .add(new XorMappedAddress(datagram.remote()));
    } else {
      b =
          StunMessage.builder(MessageType.BINDING_ERROR, request.transactionId())
              .add(ErrorCode.of(ErrorCode.ROLE_CONFLICT));
    }
    byte[] bytes = b.integrity(localKey).fingerprint().encode();
    output.add(datagram.reply(bytes));
  }

  // RFC 8445 §7.2.5: the answer to one of our checks.
  private void handleResponse(StunMessage response, Datagram datagram, long nowNanos) {
    Check check = checks.get(response.transactionId());
    if (check == null) {
      drops.increment(Drop.UNKNOWN_TRANSACTION);
      return;
    }
    if (remoteKey == null || !response.verifyIntegrity(remoteKey)) {
      drops.increment(Drop.UNAUTHENTICATED);
      return; // a forged answer must not end the check
    }
    checks.remove(response.transactionId());
    check.transaction().handleResponse(response, nowNanos);
    CandidatePair pair = check.pair();
    // RFC 8445 §7.2.5.2.1: the response must come back over the same addresses.
    if (!datagram.remote().equals(pair.remoteAddress())
        || !datagram.local().equals(pair.localBase())) {
      pair.state(CandidatePair.State.FAILED);
      updateFailure();
      return;
    }
    if (response.type().messageClass() == MessageClass.ERROR_RESPONSE) {
      int code = response.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
      if (code == ErrorCode.ROLE_CONFLICT) {
        // RFC 8445 §7.2.5.1: take the other role, unless we already did, and check again.
        if (controlling == check.sentControlling()) {
          switchRole(!check.sentControlling());
        }
        pair.state(CandidatePair.State.WAITING);
        if (!triggered.contains(pair)) {
          triggered.add(pair);
        }
        schedule(nowNanos);
      } else {
        pair.state(CandidatePair.State.FAILED);
        updateFailure();
      }
      return;
    }
    if (pair == selected) {
      consentGranted(nowNanos); // RFC 7675 §5.1: any authenticated answer on the pair counts
    }
    if (check.consent()) {
      return;
    }
    // RFC 8445 §7.2.5.3: success. The pair is valid; its foundation's frozen pairs may go.
    pair.state(CandidatePair.State.SUCCEEDED);
    checkList.unfreezeFoundation(pair.foundation());
    if (state == IceConnectionState.NEW || state == IceConnectionState.CHECKING) {
      setState(IceConnectionState.CONNECTED);
    }
    if (selected == null) {
      select(pair, nowNanos); // data may flow on the first valid pair while nomination goes on
    }
    if ((controlling && check.nominating()) || (!controlling && pair.nominateOnSuccess())) {
      nominated(pair, nowNanos);
    } else if (controlling && !isNominationDone()) {
      maybeNominate(nowNanos);
    }
    schedule(nowNanos);
  }

  // RFC 8445 §8.1.1: regular nomination by the controlling agent.
  private void maybeNominate(long nowNanos) {
    CandidatePair best = bestValid().orElse(null);
    if (best == null || best.useCandidate()) {
      return;
    }
    long bestPriority = best.priority(true);
    boolean betterPending =
        checkList.pairs().stream()
            .anyMatch(
                p ->
                    p.priority(true) > bestPriority
                        && (p.state() == CandidatePair.State.FROZEN
                            || p.state() == CandidatePair.State.WAITING
                            || p.state() == CandidatePair.State.IN_PROGRESS));
    if (!betterPending) {
      nominateBest();
    } else if (!timers.isArmed(Timer.NOMINATION)) {
      timers.set(Timer.NOMINATION, Time.after(nowNanos, config.nominationDelayNanos()));
    }
  }

  private void nominateBest() {
    if (!controlling || isNominationDone()) {
      return;
    }
    bestValid()
        .ifPresent(
            best -> {
              timers.stop(Timer.NOMINATION);
              best.useCandidate(true);
              if (!triggered.contains(best)) {
                triggered.addFirst(best);
              }
            });
  }

  private Optional<CandidatePair> bestValid() {
    return checkList.pairs().stream()
        .filter(p -> p.state() == CandidatePair.State.SUCCEEDED)
        .findFirst(); // the list is sorted, highest priority first
  }

  private boolean isNominationDone() {
    return nominatedPair != null;
  }

  private void nominated(CandidatePair pair, long nowNanos) {
    pair.nominate();
    nominatedPair = pair;
    timers.stop(Timer.NOMINATION);
    select(pair, nowNanos);
    setState(IceConnectionState.COMPLETED);
  }

  private void select(CandidatePair pair, long nowNanos) {
    if (selected != pair) {
      selected = pair;
      events.add(new IceEvent.SelectedPairChanged(pair));
      consentGranted(nowNanos); // the pair just answered a check
    }
  }

  // RFC 7675: consent freshness on the selected pair.
  private void consentGranted(long nowNanos) {
    long interval = config.consentIntervalNanos();
    // RFC 7675 §5.1: the interval is randomised to 0.8..1.2 times its mean.
    long jittered = (long) (interval * (0.8 + 0.4 * random.nextDouble()));
    if (!timers.isArmed(Timer.CONSENT_CHECK)) {
      timers.set(Timer.CONSENT_CHECK, Time.after(nowNanos, jittered));
    }
    timers.set(Timer.DISCONNECTED, Time.after(nowNanos, config.disconnectedAfterNanos()));
    timers.set(Timer.CONSENT_EXPIRY, Time.after(nowNanos, config.consentTimeoutNanos()));
    if (state == IceConnectionState.DISCONNECTED) {
      setState(stateBeforeDisconnect);
    }
  }

  private void sendConsentCheck(long nowNanos) {
    long interval = config.consentIntervalNanos();
    timers.set(
        Timer.CONSENT_CHECK,
        Time.after(nowNanos, (long) (interval * (0.8 + 0.4 * random.nextDouble()))));
    if (remoteKey != null && !config.lite()) {
      sendCheck(selected, true, nowNanos);
    }
  }

  /** RFC 7675 §5.1: 30 s without consent; use another working pair, or fail. */
  private void consentLost(long nowNanos) {
    selected.state(CandidatePair.State.FAILED);
    timers.stop(Timer.CONSENT_CHECK);
    timers.stop(Timer.DISCONNECTED);
    checks.values().removeIf(c -> c.pair() == selected);
    Optional<CandidatePair> next = bestValid();
    if (next.isPresent()) {
      select(next.get(), nowNanos); // consent starts afresh, and DISCONNECTED ends
    } else {
      timers.stop(Timer.PACING);
      setState(IceConnectionState.FAILED);
    }
  }

  private void switchRole(boolean nowControlling) {
    controlling = nowControlling;
    checkList.controlling(nowControlling);
    events.add(new IceEvent.RoleChanged(nowControlling));
  }

  // RFC 8445 §6.1.4.2: one check per Ta, triggered checks first.
  private void sendNextCheck(long nowNanos) {
    if (remote == null || config.lite()) {
      return;
    }
    CandidatePair pair = triggered.poll();
    if (pair == null && !isNominationDone()) {
      pair = checkList.nextToCheck().orElse(null);
    }
    if (pair == null) {
      return;
    }
    if (pair.state() == CandidatePair.State.FROZEN) {
      checkList.unfreezeFoundation(pair.foundation());
    }
    sendCheck(pair, false, nowNanos);
  }

  // RFC 8445 §7.2.4: a connectivity check.
  private void sendCheck(CandidatePair pair, boolean consent, long nowNanos) {
    TransactionId id = TransactionId.random(random);
    boolean nominate =
        !consent
            && controlling
            && (pair.useCandidate() || (config.aggressiveNomination() && !isNominationDone()));
    long localPreference = (pair.local().candidate().priority() >>> 8) & 0xFFFF;
    StunMessage.Builder b =
        StunMessage.builder(MessageType.BINDING_REQUEST, id)
            .add(new Username(remote.ufrag() + ":" + local.ufrag()))
            .add(
                new Priority(
                    CandidateType.PEER_REFLEXIVE.priority(
                        (int) localPreference, pair.local().candidate().component())))
            .add(controlling ? new IceControlling(tiebreaker) : new IceControlled(tiebreaker));
    if (nominate) {
      b.add(new UseCandidate());
    }
    byte[] bytes = b.integrity(remoteKey).fingerprint().encode();
    checks.put(
        id,
        new Check(
            pair,
            nominate,
            controlling,
            consent,
            new StunClientTransaction(
                id, bytes, TransportProtocol.UDP, config.checkRetransmission(), nowNanos)));
    if (consent) {
      return; // a consent check leaves the pair's state and the pacing alone
    }
    pair.state(CandidatePair.State.IN_PROGRESS);
    lastCheckAt = nowNanos;
    if (state == IceConnectionState.NEW) {
      setState(IceConnectionState.CHECKING);
    }
  }

  /** Arms the pacing timer if a check may be sent. */
  private void schedule(long nowNanos) {
    if (remote == null
        || config.lite()
        || state == IceConnectionState.CLOSED
        || timers.isArmed(Timer.PACING)) {
      return;
    }
    boolean work =
        !triggered.isEmpty() || (!isNominationDone() && checkList.nextToCheck().isPresent());
    if (work) {
      long earliest =
          lastCheckAt == Long.MIN_VALUE ? nowNanos : Time.after(lastCheckAt, config.paceNanos());
      timers.set(Timer.PACING, Math.max(nowNanos, earliest));
    }
  }

  private void updateFailure() {
    if (state == IceConnectionState.CLOSED || state == IceConnectionState.FAILED) {
      return;
    }
    boolean nothingLeft = checks.isEmpty() && triggered.isEmpty() && checkList.allFailed();
    if (remoteEndOfCandidates
        && nothingLeft
        && (selected == null || selected.state() == CandidatePair.State.FAILED)) {
      timers.stop(Timer.PACING);
      setState(IceConnectionState.FAILED);
    }
  }

  private void setState(IceConnectionState newState) {
    if (state != newState) {
      state = newState;
      events.add(new IceEvent.StateChanged(newState));
    }
  }

  private Optional<LocalCandidate> localFor(InetSocketAddress address) {
    for (LocalCandidate l : locals) {
      if (l.base().equals(address)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  private Optional<Candidate> remoteAt(InetSocketAddress address) {
    for (Map.Entry<Candidate, InetSocketAddress> e : remotes.entrySet()) {
      if (e.getValue().equals(address)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private void checkOpen() {
    if (state == IceConnectionState.CLOSED) {
      throw new IllegalStateException("the ICE agent is closed");
    }
  }
}
