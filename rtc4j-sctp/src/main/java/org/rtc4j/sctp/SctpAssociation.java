package org.rtc4j.sctp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TimerTable;
import org.rtc4j.sctp.common.Data;
import org.rtc4j.sctp.packet.AbortChunk;
import org.rtc4j.sctp.packet.Chunk;
import org.rtc4j.sctp.packet.CookieAckChunk;
import org.rtc4j.sctp.packet.CookieEchoChunk;
import org.rtc4j.sctp.packet.DataChunk;
import org.rtc4j.sctp.packet.ErrorChunk;
import org.rtc4j.sctp.packet.ForwardTsnChunk;
import org.rtc4j.sctp.packet.HeartbeatAckChunk;
import org.rtc4j.sctp.packet.HeartbeatRequestChunk;
import org.rtc4j.sctp.packet.IDataChunk;
import org.rtc4j.sctp.packet.IForwardTsnChunk;
import org.rtc4j.sctp.packet.InitAckChunk;
import org.rtc4j.sctp.packet.InitChunk;
import org.rtc4j.sctp.packet.PacketBuilder;
import org.rtc4j.sctp.packet.Parameter;
import org.rtc4j.sctp.packet.ReConfigChunk;
import org.rtc4j.sctp.packet.SackChunk;
import org.rtc4j.sctp.packet.SctpPacket;
import org.rtc4j.sctp.packet.ShutdownAckChunk;
import org.rtc4j.sctp.packet.ShutdownChunk;
import org.rtc4j.sctp.packet.ShutdownCompleteChunk;
import org.rtc4j.sctp.packet.SkippedStream;
import org.rtc4j.sctp.packet.StaleCookieCause;
import org.rtc4j.sctp.packet.StateCookieParameter;
import org.rtc4j.sctp.packet.UnknownChunk;
import org.rtc4j.sctp.packet.UnrecognizedChunkTypeCause;
import org.rtc4j.sctp.packet.UserInitiatedAbortCause;
import org.rtc4j.sctp.rx.DataTracker;
import org.rtc4j.sctp.rx.ReassemblyQueue;
import org.rtc4j.sctp.rx.ReceivedMessage;
import org.rtc4j.sctp.socket.Capabilities;
import org.rtc4j.sctp.socket.HeartbeatHandler;
import org.rtc4j.sctp.socket.StateCookie;
import org.rtc4j.sctp.socket.StreamResetHandler;
import org.rtc4j.sctp.timer.Backoff;
import org.rtc4j.sctp.tx.RetransmissionQueue;
import org.rtc4j.sctp.tx.RetransmitTimeout;
import org.rtc4j.sctp.tx.SendQueue;
import org.rtc4j.sctp.tx.TsnFragment;

/**
 * One SCTP association (RFC 9260) as WebRTC runs it over DTLS (RFC 8261), sans-I/O.
 *
 * <p>It never touches a socket, a thread or a clock. Its owner feeds it what DTLS delivered with
 * {@link #handleRead}, sends what {@link #pollWrite} returns through DTLS until it returns {@code
 * null}, calls {@link #handleTimeout} at {@link #pollTimeout}, and takes what happened from {@link
 * #pollEvent}. Time is nanoseconds on any monotonic clock, passed in. {@link #pollWrite} and the
 * four-argument {@link #send} use the time of the latest call that took one: after an idle spell,
 * pass the time with {@link #send(int, int, byte[], SendOptions, long)} (or call {@link
 * #handleTimeout}, which does nothing when no timer is due), or round-trip samples and message
 * lifetimes are measured from a stale time. Events must be polled: delivered messages wait in the
 * event queue, outside the receive window.
 *
 * <pre>{@code
 * SctpAssociation sctp = new SctpAssociation(SctpConfig.builder().build(), RandomSource.secure());
 * sctp.connect(now);                       // both WebRTC peers do this (RFC 8831 §6.1)
 * for (byte[] p; (p = sctp.pollWrite()) != null; ) dtls.send(p, 0, p.length);
 * // ... on DTLS application data:
 * sctp.handleRead(data, 0, data.length, now);
 * for (SctpEvent e; (e = sctp.pollEvent()) != null; ) {
 *   if (e instanceof SctpEvent.MessageReceived m) { ... }
 * }
 * sctp.send(1, PayloadProtocolId.STRING, bytes, SendOptions.RELIABLE);
 * }</pre>
 *
 * <p>Both peers may connect at once: the INITs cross and one association results (RFC 9260 §5.2.4,
 * case D). A peer that restarts (a new INIT while established) is not supported: its COOKIE-ECHO is
 * dropped, and without answers the old association eventually ends.
 *
 * <p>Bad packets are dropped and counted in {@link #drops()}; nothing the peer sends makes it throw
 * or hold more than the configured buffers. Not thread-safe: one owner drives it.
 */
public final class SctpAssociation {
  private enum Phase {
    CLOSED,
    COOKIE_WAIT,
    COOKIE_ECHOED,
    ESTABLISHED,
    SHUTDOWN_PENDING,
    SHUTDOWN_SENT,
    SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT
  }

  private enum Timer {
    T1_INIT,
    T1_COOKIE,
    T2_SHUTDOWN
  }

  /** RFC 9260 §3.3.2: at most 65535 streams each way. */
  private static final int STREAMS = 65535;

  private final SctpConfig config;
  private final RandomSource random;
  private final byte[] cookieKey = new byte[32];
  private final DropCounts<SctpDrop> drops = new DropCounts<>(SctpDrop.class);
  private final ArrayDeque<byte[]> outgoing = new ArrayDeque<>();
  private final ArrayDeque<Chunk> control = new ArrayDeque<>();
  private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
  private final TimerTable<Timer> timers = new TimerTable<>(Timer.class);
  private final RetransmitTimeout rto;
  private final Backoff handshakeBackoff;
  private final HeartbeatHandler heartbeats;

  private Phase phase = Phase.CLOSED;
  private long now;
  private int localTag;
  private int peerTag;
  private int localInitialTsn;
  private InitChunk sentInit;
  private CookieEchoChunk sentCookieEcho;
  private long remoteMaxMessageSize;
  private int errorCount;

  // The transmission control block, made when the association's parameters are known.
  private Capabilities capabilities;
  private DataTracker tracker;
  private ReassemblyQueue reassembly;
  private SendQueue sendQueue;
  private RetransmissionQueue retransmissions;
  private StreamResetHandler streamResets;

  /**
   * @param config ports, sizes, timers and extensions
   * @param random where tags, initial TSNs, the cookie key and heartbeat nonces come from
   */
  public SctpAssociation(SctpConfig config, RandomSource random) {
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
    random.nextBytes(cookieKey);
    this.remoteMaxMessageSize = config.maxMessageSize();
    this.rto =
        new RetransmitTimeout(config.initialRtoNanos(), config.minRtoNanos(), config.maxRtoNanos());
    this.handshakeBackoff = new Backoff(config.initialRtoNanos(), config.maxRtoNanos());
    this.heartbeats =
        new HeartbeatHandler(new Heartbeats(), random, config.heartbeatIntervalNanos());
  }

  // ---------------------------------------------------------------- API

  /**
   * Starts the handshake: sends an INIT (RFC 9260 §5.1). In WebRTC both peers call this; the INITs
   * cross and one association results.
   *
   * @throws IllegalStateException if the association was already started
   */
  public void connect(long now) {
    this.now = now;
    if (phase != Phase.CLOSED || sentInit != null) {
      throw new IllegalStateException("connect() once, on a new association; it is " + state());
    }
    localTag = nonZeroTag();
    localInitialTsn = (int) random.nextLong();
    sentInit =
        new InitChunk(
            localTag,
            config.receiveBufferSize(),
            STREAMS,
            STREAMS,
            localInitialTsn,
            Capabilities.offer(config));
    phase = Phase.COOKIE_WAIT;
    handshakeBackoff.reset(config.initialRtoNanos());
    sendAlone(sentInit, 0);
    timers.set(Timer.T1_INIT, Time.after(now, handshakeBackoff.duration()));
  }

  /**
   * Queues a message on a stream. It is sent as the congestion and receive windows allow, after the
   * messages queued before it on the same stream (when ordered) and fairly among streams.
   *
   * @param streamId the stream, 0–65534
   * @param ppid the payload protocol identifier ({@link PayloadProtocolId})
   * @param payload the message, 1 byte or more; kept, not copied, so not to be changed afterwards
   * @param options ordering and reliability
   * @return {@link SendStatus#QUEUED}, or why the message was not taken
   * @throws IllegalArgumentException if the payload is empty or the stream out of range
   */
  public SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options) {
    return send(streamId, ppid, payload, options, now);
  }

  /**
   * Queues a message as {@link #send(int, int, byte[], SendOptions)} does, at time {@code now}: its
   * lifetime starts then, and the packets that {@link #pollWrite} makes next are taken as sent
   * then.
   *
   * @param now the time, nanoseconds; a time before the latest one seen is taken as the latest
   */
  public SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options, long now) {
    this.now = Math.max(this.now, now);
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(options, "options");
    if (streamId < 0 || streamId >= STREAMS) {
      throw new IllegalArgumentException("stream " + streamId + " not in [0, 65534]");
    }
    if (payload.length == 0) {
      throw new IllegalArgumentException(
          "SCTP cannot send an empty message; WebRTC sends one byte with the empty PPIDs");
    }
    if (payload.length > remoteMaxMessageSize) {
      return SendStatus.MESSAGE_TOO_LARGE;
    }
    if (phase != Phase.ESTABLISHED) {
      return SendStatus.NOT_CONNECTED;
    }
    if (!capabilities.partialReliability() && !options.isReliable()) {
      throw new IllegalArgumentException("the peer does not support partial reliability");
    }
    return sendQueue.add(now, streamId, ppid, payload, options);
  }

  /**
   * Resets the outgoing side of streams (RFC 6525), after everything already queued on them has
   * been sent: how a data channel is closed (RFC 8831 §6.7). The stream takes no new messages until
   * {@link SctpEvent.OutgoingStreamsReset} reports it done.
   *
   * @throws IllegalStateException if the association is not established or the peer does not
   *     support stream reset
   */
  public void resetStreams(int... streamIds) {
    if (phase != Phase.ESTABLISHED) {
      throw new IllegalStateException("streams can be reset only when established; " + state());
    }
    if (!capabilities.reconfig()) {
      throw new IllegalStateException("the peer does not support stream reset (RFC 6525)");
    }
    List<Integer> ids = new ArrayList<>(streamIds.length);
    for (int id : streamIds) {
      if (id < 0 || id >= STREAMS) {
        throw new IllegalArgumentException("stream " + id + " not in [0, 65534]");
      }
      ids.add(id);
    }
    sendQueue.prepareResetStreams(ids);
    streamResets.maybeSendRequest(now);
  }

  /**
   * Ends the association gracefully (RFC 9260 §9.2): what is queued is still sent and acknowledged,
   * then SHUTDOWN; {@link SctpEvent.Closed} follows. New messages are refused.
   */
  public void shutdown(long now) {
    this.now = now;
    switch (phase) {
      case ESTABLISHED -> {
        phase = Phase.SHUTDOWN_PENDING;
        heartbeats.stop();
        progressShutdown();
      }
      case COOKIE_WAIT, COOKIE_ECHOED -> close(new SctpEvent.Closed());
      default -> {}
    }
  }

  /**
   * Ends the association at once (RFC 9260 §9.1): an ABORT goes to the peer, anything unsent is
   * dropped, and {@link SctpEvent.Aborted} follows.
   */
  public void abort(String reason) {
    if (phase == Phase.CLOSED) {
      return;
    }
    if (peerTagKnown()) {
      outgoing.clear();
      control.clear();
      sendAlone(new AbortChunk(false, List.of(new UserInitiatedAbortCause(reason))), peerTag);
    }
    close(new SctpEvent.Aborted("aborted locally: " + reason));
  }

  /** Handles one SCTP packet, as DTLS delivered it. */
  public void handleRead(byte[] data, int offset, int length, long now) {
    this.now = now;
    SctpPacket packet;
    try {
      packet = SctpPacket.parse(data, offset, length, config.zeroChecksum());
    } catch (ParseException e) {
      drops.increment(SctpDrop.MALFORMED);
      return;
    }
    if (packet.destinationPort() != config.localPort()
        || packet.sourcePort() != config.remotePort()) {
      drops.increment(SctpDrop.WRONG_PORT);
      return;
    }
    if (packet.chunks().isEmpty() || !verificationTagAccepted(packet)) {
      drops.increment(SctpDrop.WRONG_VERIFICATION_TAG);
      return;
    }
    boolean hadData = false;
    for (Chunk chunk : packet.chunks()) {
      if (chunk instanceof DataChunk || chunk instanceof IDataChunk) {
        hadData |= handleData(chunk);
      } else if (!handleControl(chunk, packet)) {
        break;
      }
    }
    if (hadData && tracker != null) {
      tracker.observePacketEnd(now);
      deliver();
      if (tracker.shouldSendAck() && established()) {
        // The SACK is made now, not at the next pollWrite: an owner that reads a whole flight
        // before writing would otherwise acknowledge it with one SACK, and since cwnd grows by at
        // most one MTU per SACK (RFC 9260 §7.2.1), the peer's slow start would crawl.
        sendAlone(sack(), peerTag);
      }
    }
    afterInput();
  }

  /**
   * The next packet to hand to DTLS, or {@code null} when there is nothing to send now. Call it
   * until it returns {@code null} after every other call.
   */
  public byte[] pollWrite() {
    if (!outgoing.isEmpty()) {
      return outgoing.poll();
    }
    boolean ackDue = tracker != null && established() && tracker.shouldSendAck();
    if (!canCarryData() && control.isEmpty() && !ackDue) {
      return null;
    }
    PacketBuilder packet =
        new PacketBuilder(config.localPort(), config.remotePort(), peerTag, config.mtu());
    // RFC 9260 §6.10: control chunks first (a COOKIE-ACK must lead, §5.1), then the SACK, then
    // data.
    while (!control.isEmpty() && packet.add(control.peek())) {
      control.poll();
    }
    if (ackDue) {
      packet.add(sack());
    }
    if (canCarryData()) {
      if (capabilities.partialReliability()
          && retransmissions.shouldSendForwardTsn(now)
          && packet.add(forwardTsn())) {
        retransmissions.forwardTsnSent(now);
      }
      addData(packet);
    }
    drainSendQueueEvents();
    if (packet.isEmpty()) {
      return null;
    }
    return packet.build(capabilities != null && capabilities.zeroChecksum());
  }

  /** When {@link #handleTimeout} should next be called, or {@link Time#NEVER}. */
  public long pollTimeout() {
    long t = Math.min(timers.earliest(), heartbeats.deadline());
    if (tracker != null) {
      t = Math.min(t, tracker.ackDeadline());
    }
    if (retransmissions != null && phase != Phase.CLOSED) {
      t = Math.min(t, retransmissions.t3RtxDeadline());
      t = Math.min(t, streamResets.deadline());
    }
    return t;
  }

  /** Runs the timers due at {@code now}. */
  public void handleTimeout(long now) {
    this.now = now;
    if (timers.expire(Timer.T1_INIT, now)) {
      retransmitHandshake(sentInit, 0, Timer.T1_INIT);
    }
    if (timers.expire(Timer.T1_COOKIE, now)) {
      retransmitHandshake(sentCookieEcho, peerTag, Timer.T1_COOKIE);
    }
    if (timers.expire(Timer.T2_SHUTDOWN, now)) {
      if (countError()) {
        if (phase == Phase.SHUTDOWN_SENT) {
          sendAlone(new ShutdownChunk(tracker.cumulativeTsnAck()), peerTag);
        } else if (phase == Phase.SHUTDOWN_ACK_SENT) {
          sendAlone(new ShutdownAckChunk(), peerTag);
        }
        timers.set(Timer.T2_SHUTDOWN, Time.after(now, rto.rto()));
      }
    }
    if (phase == Phase.CLOSED) {
      return;
    }
    heartbeats.handleTimeout(now);
    if (tracker != null && Time.isDue(tracker.ackDeadline(), now)) {
      tracker.handleDelayedAckTimeout(now);
    }
    if (retransmissions != null && Time.isDue(retransmissions.t3RtxDeadline(), now)) {
      if (retransmissions.handleT3RtxExpiry(now)) {
        countError();
      }
    }
    if (streamResets != null) {
      streamResets.handleTimeout(now);
    }
    afterInput();
  }

  /** The next event, or {@code null}. */
  public SctpEvent pollEvent() {
    return events.poll();
  }

  /** Where the association is. */
  public SctpState state() {
    return switch (phase) {
      case CLOSED -> SctpState.CLOSED;
      case COOKIE_WAIT -> SctpState.COOKIE_WAIT;
      case COOKIE_ECHOED -> SctpState.COOKIE_ECHOED;
      case ESTABLISHED -> SctpState.ESTABLISHED;
      default -> SctpState.SHUTTING_DOWN;
    };
  }

  /**
   * The bytes queued on a stream and not yet sent (W3C's {@code bufferedAmount}); 0 before the
   * association is established.
   */
  public long bufferedAmount(int streamId) {
    return sendQueue == null ? 0 : sendQueue.bufferedAmount(streamId);
  }

  /** Sets the level at or below which a stream's falling buffered amount is reported. */
  public void setBufferedAmountLowThreshold(int streamId, long threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException("negative threshold " + threshold);
    }
    if (sendQueue != null) {
      sendQueue.setBufferedAmountLowThreshold(streamId, threshold);
    }
  }

  /**
   * Sets the largest message the peer accepts, from its SDP's {@code a=max-message-size} (RFC 8841
   * §6); 0 there means no limit, passed here as {@link Long#MAX_VALUE}.
   */
  public void setRemoteMaxMessageSize(long bytes) {
    if (bytes < 1) {
      throw new IllegalArgumentException("max message size must be positive: " + bytes);
    }
    remoteMaxMessageSize = bytes;
  }

  /** The largest message {@link #send} takes. */
  public long maxMessageSize() {
    return remoteMaxMessageSize;
  }

  /** What was dropped, by reason. */
  public DropCounts<SctpDrop> drops() {
    return drops;
  }

  /** The configuration. */
  public SctpConfig config() {
    return config;
  }

  /** Whether I-DATA is in use (both sides offered it); false before the handshake. */
  public boolean interleaving() {
    return capabilities != null && capabilities.interleaving();
  }

  /** The congestion window, bytes (for tests and statistics); 0 before the handshake. */
  public long congestionWindow() {
    return retransmissions == null ? 0 : retransmissions.cwnd();
  }

  /** The current retransmission timeout, nanoseconds. */
  public long retransmitTimeout() {
    return rto.rto();
  }

  @Override
  public String toString() {
    return "SctpAssociation[" + state() + ", tag " + Integer.toHexString(localTag) + "]";
  }

  // ---------------------------------------------------------------- receiving

  /** RFC 9260 §8.5 and §8.5.1: which verification tag each kind of packet must carry. */
  private boolean verificationTagAccepted(SctpPacket packet) {
    int tag = packet.verificationTag();
    Chunk first = packet.chunks().get(0);
    if (first instanceof InitChunk) {
      // §8.5.1 A: an INIT has tag 0 and is alone in its packet (§6.10).
      return tag == 0 && packet.chunks().size() == 1;
    }
    if (first instanceof AbortChunk abort) {
      return abort.tagReflected() ? peerTagKnown() && tag == peerTag : tag == localTag;
    }
    if (first instanceof ShutdownCompleteChunk complete) {
      return complete.tagReflected() ? peerTagKnown() && tag == peerTag : tag == localTag;
    }
    if (first instanceof CookieEchoChunk) {
      // §5.1.5: checked against the cookie, which may be for a tag we hold no state for.
      return true;
    }
    return phase != Phase.CLOSED && tag == localTag;
  }

  /** The peer's tag is learnt with its parameters, when the control block is made. */
  private boolean peerTagKnown() {
    return tracker != null;
  }

  /** Returns false to stop processing the packet's remaining chunks. */
  private boolean handleControl(Chunk chunk, SctpPacket packet) {
    if (chunk instanceof InitChunk init) {
      handleInit(init);
    } else if (chunk instanceof InitAckChunk initAck) {
      handleInitAck(initAck);
    } else if (chunk instanceof CookieEchoChunk echo) {
      handleCookieEcho(echo, packet.verificationTag());
    } else if (chunk instanceof CookieAckChunk) {
      handleCookieAck();
    } else if (chunk instanceof SackChunk sack) {
      handleSack(sack);
    } else if (chunk instanceof HeartbeatRequestChunk request) {
      if (established()) {
        heartbeats.handleRequest(request);
      } else {
        drops.increment(SctpDrop.UNEXPECTED_CHUNK);
      }
    } else if (chunk instanceof HeartbeatAckChunk ack) {
      heartbeats.handleAck(ack, now);
    } else if (chunk instanceof ForwardTsnChunk forward) {
      handleForwardTsn(forward.newCumulativeTsn(), forward.skippedStreams(), false);
    } else if (chunk instanceof IForwardTsnChunk forward) {
      handleForwardTsn(forward.newCumulativeTsn(), forward.skippedStreams(), true);
    } else if (chunk instanceof ReConfigChunk reconfig) {
      if (streamResets == null || !established() || !streamResets.handle(reconfig, now)) {
        drops.increment(SctpDrop.BAD_RECONFIG);
      }
    } else if (chunk instanceof ShutdownChunk shutdown) {
      handleShutdown(shutdown);
    } else if (chunk instanceof ShutdownAckChunk) {
      handleShutdownAck();
    } else if (chunk instanceof ShutdownCompleteChunk) {
      if (phase == Phase.SHUTDOWN_ACK_SENT) {
        close(new SctpEvent.Closed());
      }
      return false;
    } else if (chunk instanceof AbortChunk abort) {
      if (phase != Phase.CLOSED) {
        close(new SctpEvent.Aborted("aborted by the peer: " + abort.causes()));
      }
      return false;
    } else if (chunk instanceof ErrorChunk) {
      // RFC 9260 §3.3.10: for information; nothing we send depends on it.
      return true;
    } else if (chunk instanceof UnknownChunk unknown) {
      return handleUnknown(unknown);
    } else {
      drops.increment(SctpDrop.UNEXPECTED_CHUNK);
    }
    return true;
  }

  /** RFC 9260 §3.2: the two high bits of an unknown chunk's type say what to do with it. */
  private boolean handleUnknown(UnknownChunk chunk) {
    drops.increment(SctpDrop.UNKNOWN_CHUNK);
    if (chunk.action().reports() && peerTagKnown()) {
      control.add(new ErrorChunk(List.of(UnrecognizedChunkTypeCause.of(chunk))));
    }
    return chunk.action().skips();
  }

  private void handleInit(InitChunk init) {
    if (init.initiateTag() == 0 || init.inboundStreams() == 0 || init.outboundStreams() == 0) {
      // RFC 9260 §3.3.2: these would be protocol violations; the packet is dropped.
      drops.increment(SctpDrop.MALFORMED);
      return;
    }
    int tag;
    int initialTsn;
    switch (phase) {
      case CLOSED -> {
        // §5.1: answer without keeping state; everything needed is in the cookie.
        tag = nonZeroTag();
        initialTsn = (int) random.nextLong();
      }
      case COOKIE_WAIT, COOKIE_ECHOED -> {
        // §5.2.1: the INITs crossed. Answer with the tag and TSN of our own INIT, so that either
        // cookie makes the same association.
        tag = localTag;
        initialTsn = localInitialTsn;
      }
      default -> {
        // §5.2.2 would make this a restart; not supported (see the class comment).
        drops.increment(SctpDrop.UNEXPECTED_CHUNK);
        return;
      }
    }
    Capabilities agreed = Capabilities.agree(config, init.parameters());
    StateCookie cookie =
        new StateCookie(
            now,
            tag,
            init.initiateTag(),
            initialTsn,
            init.initialTsn(),
            init.advertisedReceiverWindowCredit(),
            init.outboundStreams(),
            init.inboundStreams(),
            agreed);
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(new StateCookieParameter(cookie.seal(cookieKey)));
    parameters.addAll(Capabilities.offer(config));
    sendAlone(
        new InitAckChunk(
            tag,
            config.receiveBufferSize(),
            Math.min(STREAMS, init.inboundStreams()),
            STREAMS,
            initialTsn,
            parameters),
        init.initiateTag());
  }

  private void handleInitAck(InitAckChunk initAck) {
    if (phase != Phase.COOKIE_WAIT) {
      // §5.2.3: an INIT-ACK in any other state is discarded.
      drops.increment(SctpDrop.UNEXPECTED_CHUNK);
      return;
    }
    StateCookieParameter cookie = initAck.stateCookie().orElse(null);
    if (cookie == null || initAck.initiateTag() == 0) {
      drops.increment(SctpDrop.MALFORMED);
      return;
    }
    timers.stop(Timer.T1_INIT);
    peerTag = initAck.initiateTag();
    createControlBlock(
        Capabilities.agree(config, initAck.parameters()),
        initAck.initialTsn(),
        initAck.advertisedReceiverWindowCredit());
    sentCookieEcho = new CookieEchoChunk(cookie.cookie());
    phase = Phase.COOKIE_ECHOED;
    handshakeBackoff.reset(config.initialRtoNanos());
    sendAlone(sentCookieEcho, peerTag);
    timers.set(Timer.T1_COOKIE, Time.after(now, handshakeBackoff.duration()));
  }

  private void handleCookieEcho(CookieEchoChunk echo, int packetTag) {
    StateCookie cookie;
    try {
      cookie = StateCookie.open(echo.cookie(), cookieKey);
    } catch (ParseException e) {
      drops.increment(SctpDrop.BAD_COOKIE);
      return;
    }
    if (packetTag != cookie.localTag()) {
      drops.increment(SctpDrop.WRONG_VERIFICATION_TAG);
      return;
    }
    long age = now - cookie.createdAt();
    if (age > config.cookieLifetimeNanos() || age < 0) {
      // §5.1.5 (3): a stale cookie is answered with an ERROR saying by how much.
      drops.increment(SctpDrop.BAD_COOKIE);
      long staleness = Math.max(0, (age - config.cookieLifetimeNanos()) / 1000);
      sendAlone(new ErrorChunk(List.of(new StaleCookieCause(staleness))), cookie.peerTag());
      return;
    }
    switch (phase) {
      case CLOSED, COOKIE_WAIT -> {
        if (phase == Phase.COOKIE_WAIT && cookie.localTag() != localTag) {
          drops.increment(SctpDrop.BAD_COOKIE);
          return;
        }
        timers.stop(Timer.T1_INIT);
        localTag = cookie.localTag();
        localInitialTsn = cookie.localInitialTsn();
        peerTag = cookie.peerTag();
        createControlBlock(
            cookie.capabilities(), cookie.peerInitialTsn(), cookie.peerReceiverWindow());
        establish();
      }
      case COOKIE_ECHOED -> {
        // §5.2.4: with our tag in the cookie, this is case B or D: the crossed handshakes make
        // one association, ours.
        if (cookie.localTag() != localTag) {
          drops.increment(SctpDrop.BAD_COOKIE);
          return;
        }
        establish();
      }
      default -> {
        if (cookie.localTag() != localTag || cookie.peerTag() != peerTag) {
          // §5.2.4 case A (a restart) or a stale duplicate: not supported, dropped.
          drops.increment(SctpDrop.BAD_COOKIE);
          return;
        }
      }
    }
    // §5.1 E: COOKIE-ACK, also again for a repeated COOKIE-ECHO (§5.2.4 D).
    control.add(new CookieAckChunk());
  }

  private void handleCookieAck() {
    if (phase == Phase.COOKIE_ECHOED) {
      establish();
    }
  }

  private void establish() {
    timers.stop(Timer.T1_INIT);
    timers.stop(Timer.T1_COOKIE);
    sentCookieEcho = null;
    phase = Phase.ESTABLISHED;
    errorCount = 0;
    heartbeats.start(now);
    events.add(new SctpEvent.Connected());
  }

  private void createControlBlock(Capabilities agreed, int peerInitialTsn, long peerWindow) {
    capabilities = agreed;
    long maxHeld = config.receiveBufferSize();
    // Gap ack block offsets are 16 bits, so no TSN further than that from the cumulative ack.
    int maxOutOfOrder = DataTracker.MAX_OUT_OF_ORDER_TSNS;
    tracker = new DataTracker(peerInitialTsn, maxOutOfOrder, config.delayedAckNanos());
    reassembly = new ReassemblyQueue(agreed.interleaving(), maxHeld);
    sendQueue = new SendQueue(agreed.interleaving(), config.sendBufferSize());
    retransmissions =
        new RetransmissionQueue(
            sendQueue,
            localInitialTsn,
            peerWindow,
            config.mtu() - SctpPacket.COMMON_HEADER_LENGTH,
            agreed.interleaving() ? IDataChunk.HEADER_LENGTH : DataChunk.HEADER_LENGTH,
            rto);
    streamResets = new StreamResetHandler(new StreamResets(), localInitialTsn, peerInitialTsn);
  }

  /** Returns whether the chunk was accepted as new data. */
  private boolean handleData(Chunk chunk) {
    if (!established() && phase != Phase.SHUTDOWN_PENDING && phase != Phase.SHUTDOWN_SENT) {
      drops.increment(SctpDrop.UNEXPECTED_CHUNK);
      return false;
    }
    int tsn;
    Data data;
    boolean immediate;
    if (chunk instanceof IDataChunk i) {
      tsn = i.tsn();
      data = i.data();
      immediate = i.immediateAck();
    } else {
      DataChunk d = (DataChunk) chunk;
      tsn = d.tsn();
      data = d.data();
      immediate = d.immediateAck();
    }
    if ((chunk instanceof IDataChunk) != capabilities.interleaving()) {
      drops.increment(SctpDrop.WRONG_DATA_CHUNK_TYPE);
      return false;
    }
    if (!tracker.isTsnValid(tsn)) {
      drops.increment(SctpDrop.TSN_OUT_OF_WINDOW);
      return false;
    }
    if (tracker.isDuplicate(tsn)) {
      // Observed again only to be reported in the SACK's duplicate TSNs (RFC 9260 §6.2).
      tracker.observe(tsn, immediate);
      return true;
    }
    // RFC 9260 §6.2: data that does not fit is dropped unacknowledged, so that it comes again.
    // Above the watermark only the TSN that moves the cumulative ack is taken: without it, a
    // buffer full of data behind a gap could never drain.
    if ((reassembly.isAboveWatermark() && !tracker.willIncreaseCumAckTsn(tsn))
        || !reassembly.add(tsn, data)) {
      drops.increment(SctpDrop.RECEIVE_BUFFER_FULL);
      tracker.forceImmediateAck();
      return true;
    }
    tracker.observe(tsn, immediate);
    return true;
  }

  private void deliver() {
    for (ReceivedMessage m; (m = reassembly.poll()) != null; ) {
      events.add(new SctpEvent.MessageReceived(m.streamId(), m.ppid(), m.payload(), m.unordered()));
    }
  }

  private void handleSack(SackChunk sack) {
    if (retransmissions == null || !established() && phase != Phase.SHUTDOWN_ACK_SENT) {
      drops.increment(SctpDrop.UNEXPECTED_CHUNK);
      return;
    }
    if (retransmissions.handleSack(
            now,
            sack.cumulativeTsnAck(),
            sack.advertisedReceiverWindowCredit(),
            sack.gapAckBlocks())
        && retransmissions.newlyAckedBytes() > 0) {
      // RFC 9260 §8.2: an acknowledgement of new data shows the peer alive.
      errorCount = 0;
    }
  }

  private void handleForwardTsn(
      int newCumulativeTsn,
      List<org.rtc4j.sctp.packet.SkippedStream> skipped,
      boolean interleaved) {
    if (!established()
        || !capabilities.partialReliability()
        || interleaved != capabilities.interleaving()) {
      drops.increment(SctpDrop.UNEXPECTED_CHUNK);
      return;
    }
    if (tracker.handleForwardTsn(newCumulativeTsn)) {
      reassembly.handleForwardTsn(newCumulativeTsn, skipped);
      deliver();
    }
  }

  private void handleShutdown(ShutdownChunk shutdown) {
    if (retransmissions == null) {
      drops.increment(SctpDrop.UNEXPECTED_CHUNK);
      return;
    }
    // RFC 9260 §9.2: the cumulative TSN ack in a SHUTDOWN acknowledges like a SACK's.
    retransmissions.handleSack(
        now, shutdown.cumulativeTsnAck(), retransmissions.peerReceiverWindow(), List.of());
    switch (phase) {
      case ESTABLISHED, SHUTDOWN_PENDING -> {
        phase = Phase.SHUTDOWN_RECEIVED;
        heartbeats.stop();
      }
      case SHUTDOWN_SENT -> {
        // §9.2: both sides shut down at once: answer with SHUTDOWN-ACK.
        phase = Phase.SHUTDOWN_ACK_SENT;
        sendAlone(new ShutdownAckChunk(), peerTag);
        timers.set(Timer.T2_SHUTDOWN, Time.after(now, rto.rto()));
      }
      default -> {}
    }
  }

  private void handleShutdownAck() {
    switch (phase) {
      case SHUTDOWN_SENT, SHUTDOWN_ACK_SENT -> {
        sendAlone(new ShutdownCompleteChunk(false), peerTag);
        close(new SctpEvent.Closed());
      }
      default -> drops.increment(SctpDrop.UNEXPECTED_CHUNK);
    }
  }

  // ---------------------------------------------------------------- sending

  private boolean established() {
    return phase == Phase.ESTABLISHED
        || phase == Phase.SHUTDOWN_PENDING
        || phase == Phase.SHUTDOWN_RECEIVED
        || phase == Phase.SHUTDOWN_SENT;
  }

  private boolean canCarryData() {
    return phase == Phase.ESTABLISHED
        || phase == Phase.SHUTDOWN_PENDING
        || phase == Phase.SHUTDOWN_RECEIVED;
  }

  private SackChunk sack() {
    long window = Math.max(0, reassembly.receiveWindow());
    // A SACK fits in one packet with room left for some data: at most a quarter of the MTU of
    // gap blocks and of duplicate TSNs.
    int room = Math.max(1, (config.mtu() - SctpPacket.COMMON_HEADER_LENGTH - 16) / 16);
    SackChunk sack =
        new SackChunk(
            tracker.cumulativeTsnAck(),
            window,
            tracker.gapAckBlocks(room),
            tracker.drainDuplicateTsns(room));
    tracker.sackSent();
    return sack;
  }

  private Chunk forwardTsn() {
    int cumulative = retransmissions.forwardTsnNewCumulativeTsn();
    List<SkippedStream> skipped =
        retransmissions.forwardTsnSkippedStreams(capabilities.interleaving());
    return capabilities.interleaving()
        ? new IForwardTsnChunk(cumulative, skipped)
        : new ForwardTsnChunk(cumulative, skipped);
  }

  private void addData(PacketBuilder packet) {
    boolean interleaving = capabilities.interleaving();
    if (packet.remaining() <= (interleaving ? IDataChunk.HEADER_LENGTH : DataChunk.HEADER_LENGTH)) {
      return;
    }
    for (TsnFragment f : retransmissions.getChunksToSend(now, packet.remaining())) {
      Chunk chunk =
          interleaving
              ? new IDataChunk(f.tsn(), f.data(), false)
              : new DataChunk(f.tsn(), f.data(), false);
      if (!packet.add(chunk)) {
        throw new IllegalStateException(
            "the retransmission queue handed out more than fits: " + chunk.serializedLength());
      }
    }
  }

  /** Builds a packet of one chunk now, ahead of anything else. */
  private void sendAlone(Chunk chunk, int verificationTag) {
    PacketBuilder packet =
        new PacketBuilder(config.localPort(), config.remotePort(), verificationTag, config.mtu());
    packet.add(chunk);
    // RFC 9653 §5.1: never a zero checksum on an INIT, nor before the peer agreed.
    boolean zero =
        capabilities != null && capabilities.zeroChecksum() && !(chunk instanceof InitChunk);
    outgoing.add(packet.build(zero));
  }

  private void retransmitHandshake(Chunk chunk, int tag, Timer timer) {
    handshakeBackoff.expired();
    if (chunk == null) {
      return;
    }
    if (handshakeBackoff.expiries() > config.maxInitRetransmissions()) {
      close(
          new SctpEvent.Aborted(
              "handshake timed out: no answer to " + chunk.getClass().getSimpleName()));
      return;
    }
    sendAlone(chunk, tag);
    timers.set(timer, Time.after(now, handshakeBackoff.duration()));
  }

  /**
   * Counts a retransmission or missed heartbeat; returns false if the peer is now taken for dead.
   */
  private boolean countError() {
    errorCount++;
    if (errorCount > config.maxRetransmissions()) {
      if (peerTagKnown()) {
        sendAlone(
            new AbortChunk(false, List.of(new UserInitiatedAbortCause("too many retransmissions"))),
            peerTag);
      }
      close(
          new SctpEvent.Aborted(
              "the peer stopped answering: "
                  + errorCount
                  + " retransmissions or heartbeats in a row went unanswered"));
      return false;
    }
    return true;
  }

  /** What every input ends with: shutdown progress, stream resets, queued events. */
  private void afterInput() {
    if (phase == Phase.CLOSED) {
      return;
    }
    if (streamResets != null && phase == Phase.ESTABLISHED) {
      streamResets.maybeSendRequest(now);
    }
    progressShutdown();
    drainSendQueueEvents();
  }

  private void progressShutdown() {
    if (retransmissions == null) {
      return;
    }
    boolean drained = sendQueue.isEmpty() && retransmissions.isEmpty();
    if (phase == Phase.SHUTDOWN_PENDING && drained) {
      // RFC 9260 §9.2: everything acknowledged; SHUTDOWN with our cumulative ack.
      phase = Phase.SHUTDOWN_SENT;
      sendAlone(new ShutdownChunk(tracker.cumulativeTsnAck()), peerTag);
      timers.set(Timer.T2_SHUTDOWN, Time.after(now, rto.rto()));
    } else if (phase == Phase.SHUTDOWN_RECEIVED && drained) {
      phase = Phase.SHUTDOWN_ACK_SENT;
      sendAlone(new ShutdownAckChunk(), peerTag);
      timers.set(Timer.T2_SHUTDOWN, Time.after(now, rto.rto()));
    }
  }

  private void drainSendQueueEvents() {
    if (sendQueue == null) {
      return;
    }
    for (int stream; (stream = sendQueue.pollBufferedAmountLow()) >= 0; ) {
      events.add(new SctpEvent.BufferedAmountLow(stream));
    }
  }

  private void close(SctpEvent why) {
    phase = Phase.CLOSED;
    timers.stop(Timer.T1_INIT);
    timers.stop(Timer.T1_COOKIE);
    timers.stop(Timer.T2_SHUTDOWN);
    heartbeats.stop();
    control.clear();
    events.add(why);
  }

  private int nonZeroTag() {
    int tag;
    do {
      tag = (int) random.nextLong();
    } while (tag == 0);
    return tag;
  }

  /** The heartbeat handler's view of the association. */
  private final class Heartbeats implements HeartbeatHandler.Context {
    @Override
    public void send(Chunk chunk) {
      if (established()) {
        control.add(chunk);
      }
    }

    @Override
    public long rto() {
      return rto.rto();
    }

    @Override
    public void observeRtt(long rttNanos) {
      rto.observeRtt(rttNanos);
    }

    @Override
    public void heartbeatAnswered() {
      errorCount = 0;
    }

    @Override
    public void heartbeatMissed() {
      countError();
    }
  }

  /** The stream reset handler's view of the association. */
  private final class StreamResets implements StreamResetHandler.Context {
    @Override
    public void send(Chunk chunk) {
      control.add(chunk);
    }

    @Override
    public long rto() {
      return rto.rto();
    }

    @Override
    public int cumulativeTsnAck() {
      return tracker.cumulativeTsnAck();
    }

    @Override
    public int lastAssignedTsn() {
      return retransmissions.nextTsn() - 1;
    }

    @Override
    public boolean hasStreamsReadyToBeReset() {
      return sendQueue.hasStreamsReadyToBeReset();
    }

    @Override
    public List<Integer> takeStreamsReadyToBeReset() {
      return sendQueue.getStreamsReadyToBeReset();
    }

    @Override
    public void incomingStreamsReset(List<Integer> streamIds) {
      // Everything sent before the reset has arrived: deliver it under the old numbering first.
      deliver();
      reassembly.resetStreams(streamIds);
      events.add(new SctpEvent.IncomingStreamsReset(streamIds));
    }

    @Override
    public void outgoingStreamsReset(List<Integer> streamIds) {
      sendQueue.commitResetStreams();
      events.add(new SctpEvent.OutgoingStreamsReset(streamIds));
    }

    @Override
    public void outgoingStreamsResetFailed(List<Integer> streamIds, String reason) {
      sendQueue.rollbackResetStreams();
      events.add(new SctpEvent.StreamResetFailed(streamIds, reason));
    }
  }
}
