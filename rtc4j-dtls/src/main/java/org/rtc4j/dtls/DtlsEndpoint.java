package org.rtc4j.dtls;

import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.common.Time;
import org.rtc4j.common.TimerTable;
import org.rtc4j.dtls.crypto.RecordProtection;
import org.rtc4j.dtls.handshake.Alert;
import org.rtc4j.dtls.handshake.HandshakeFragment;
import org.rtc4j.dtls.handshake.HandshakeReassembler;
import org.rtc4j.dtls.handshake.HandshakeType;
import org.rtc4j.dtls.record.ContentType;
import org.rtc4j.dtls.record.DtlsRecord;
import org.rtc4j.dtls.record.ReplayWindow;

/**
 * A DTLS 1.2 connection (RFC 6347), client or server, sans-I/O: datagram payloads and time go in,
 * datagram payloads, events and the next deadline come out. It never touches a socket or a clock.
 *
 * <p>The owner drives it like every rtc4j layer: hand it each datagram that arrived ({@link
 * #handleRead}), send everything {@link #pollWrite} gives, call {@link #handleTimeout} when {@link
 * #pollTimeout} comes due, and read {@link #pollEvent} for what happened. A client begins with
 * {@link #start}; a server answers the first ClientHello.
 *
 * <p>The peer must prove it holds the certificate named by a fingerprint of the remote description
 * ({@link #setRemoteFingerprints}). Until the fingerprints are known the handshake goes as far as
 * it can and then waits, holding what arrived. Malformed, forged, replayed and unexpected records
 * are dropped and counted in {@link #drops()}; nothing the network sends makes a method throw.
 *
 * <p>Not thread-safe: one thread owns it.
 */
public final class DtlsEndpoint {
  private enum Timer {
    RETRANSMIT,
    HANDSHAKE
  }

  /** At most this many handshake messages ahead of the next due are reassembled. */
  private static final int REASSEMBLY_WINDOW = 8;

  /** The largest application data record DTLS allows (RFC 5246 §6.2.1). */
  public static final int MAX_RECORD_PLAINTEXT = 1 << 14;

  private final DtlsConfig config;
  private final Handshake handshake;
  private final HandshakeReassembler reassembler =
      new HandshakeReassembler(Handshake.MAX_MESSAGE_LENGTH, REASSEMBLY_WINDOW);
  private final TimerTable<Timer> timers = new TimerTable<>(Timer.class);
  private final DropCounts<DtlsDrop> drops = new DropCounts<>(DtlsDrop.class);
  private final ArrayDeque<byte[]> outgoing = new ArrayDeque<>();
  private final ArrayDeque<DtlsEvent> events = new ArrayDeque<>();
  private final ArrayDeque<byte[]> heldRecords = new ArrayDeque<>();
  private final ArrayDeque<byte[]> heldApplicationData = new ArrayDeque<>();
  private final long[] writeSequence = new long[2];
  private final ReplayWindow replayWindow = new ReplayWindow();

  private DtlsState state = DtlsState.NEW;
  private List<CertificateFingerprint> remoteFingerprints;
  private RecordProtection writeProtection;
  private RecordProtection readProtection;
  private OutgoingFlight lastFlight;
  private long retransmitTimeout;
  private long lastDuplicateResponse = Long.MIN_VALUE;
  private long now;
  private boolean replayingHeld;

  private DtlsEndpoint(DtlsConfig config, RandomSource random, boolean client) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(random, "random");
    Handshake.Host host = new HostView();
    this.handshake =
        client
            ? new ClientHandshake(config, random, host)
            : new ServerHandshake(config, random, host);
  }

  /** A client, the side that sends the ClientHello; in WebRTC, the one with a=setup:active. */
  public static DtlsEndpoint client(DtlsConfig config, RandomSource random) {
    return new DtlsEndpoint(config, random, true);
  }

  /** A server, the side that answers; in WebRTC, the one with a=setup:passive. */
  public static DtlsEndpoint server(DtlsConfig config, RandomSource random) {
    return new DtlsEndpoint(config, random, false);
  }

  /**
   * Starts the handshake: a client sends its ClientHello, a server starts the handshake timeout. A
   * server needs no start to answer a ClientHello, and starting one whose handshake began with the
   * client's hello does nothing.
   *
   * @throws IllegalStateException if this client has started already
   */
  public void start(long nowNanos) {
    if (state != DtlsState.NEW) {
      if (!handshake.client()) {
        return;
      }
      throw new IllegalStateException("the handshake has started already: " + state);
    }
    now = nowNanos;
    begin();
    if (handshake.client()) {
      try {
        handshake.start();
      } catch (HandshakeFailure f) {
        fail(f);
      }
    }
  }

  private void begin() {
    state = DtlsState.CONNECTING;
    timers.set(Timer.HANDSHAKE, Time.after(now, config.handshakeTimeoutNanos()));
  }

  /**
   * Sets the fingerprints of the certificate the peer must present, from the remote description's
   * a=fingerprint lines (RFC 8122 §5). A handshake that was waiting for them goes on now.
   */
  public void setRemoteFingerprints(List<CertificateFingerprint> fingerprints, long nowNanos) {
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("at least one fingerprint is needed");
    }
    remoteFingerprints = List.copyOf(fingerprints);
    now = nowNanos;
    if (state == DtlsState.CONNECTING && handshake.awaitingFingerprint()) {
      try {
        handshake.resume();
      } catch (HandshakeFailure f) {
        fail(f);
        return;
      }
      afterHandshakeProgress();
    }
  }

  /**
   * Takes a datagram's payload that arrived from the peer. Bad input is dropped and counted.
   *
   * @param data the bytes; read during this call only
   */
  public void handleRead(byte[] data, int offset, int length, long nowNanos) {
    now = nowNanos;
    Objects.checkFromIndexSize(offset, length, data.length);
    if (state == DtlsState.CLOSED || state == DtlsState.FAILED) {
      drops.increment(DtlsDrop.AFTER_CLOSE);
      return;
    }
    ByteReader reader = new ByteReader(data, offset, length);
    while (reader.hasRemaining() && !terminal()) {
      DtlsRecord record;
      try {
        record = DtlsRecord.parse(reader);
      } catch (ParseException e) {
        drops.increment(DtlsDrop.MALFORMED_RECORD);
        break;
      }
      handleRecord(record);
    }
    replayHeldRecords();
  }

  /** The next datagram payload to send, or {@code null}. */
  public byte[] pollWrite() {
    return outgoing.poll();
  }

  /** The next event, or {@code null}. */
  public DtlsEvent pollEvent() {
    return events.poll();
  }

  /** When {@link #handleTimeout} is next due, or {@link Time#NEVER}. */
  public long pollTimeout() {
    return timers.earliest();
  }

  /** Fires the timers that are due: retransmission of a flight, the handshake's time limit. */
  public void handleTimeout(long nowNanos) {
    now = nowNanos;
    if (timers.expire(Timer.HANDSHAKE, nowNanos)) {
      fail(-1, "the handshake did not finish within " + config.handshakeTimeoutNanos() + " ns");
      return;
    }
    if (timers.expire(Timer.RETRANSMIT, nowNanos) && lastFlight != null) {
      // RFC 6347 §4.2.4.1: double the timeout on each retransmission, up to a limit.
      retransmitTimeout = Math.min(2 * retransmitTimeout, config.maxRetransmitNanos());
      transmit(lastFlight);
      timers.set(Timer.RETRANSMIT, Time.after(nowNanos, retransmitTimeout));
    }
  }

  /**
   * Sends application data in one record.
   *
   * @throws IllegalStateException unless connected
   * @throws IllegalArgumentException if longer than {@value #MAX_RECORD_PLAINTEXT} bytes
   */
  public void send(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    if (state != DtlsState.CONNECTED) {
      throw new IllegalStateException("cannot send application data: the connection is " + state);
    }
    if (length > MAX_RECORD_PLAINTEXT) {
      throw new IllegalArgumentException(
          "a record holds at most " + MAX_RECORD_PLAINTEXT + " bytes, not " + length);
    }
    byte[] out = new byte[DtlsRecord.HEADER_LENGTH + writeProtection.overhead() + length];
    writeRecord(ContentType.APPLICATION_DATA, 1, data, offset, length, out, 0);
    outgoing.add(out);
  }

  /**
   * Closes the connection: sends close_notify (RFC 5246 §7.2.1) and stops. Calling it again does
   * nothing.
   */
  public void close(long nowNanos) {
    now = nowNanos;
    if (terminal()) {
      return;
    }
    if (state != DtlsState.NEW) {
      sendAlert(Alert.WARNING, Alert.CLOSE_NOTIFY);
    }
    state = DtlsState.CLOSED;
    stopAll();
  }

  /** The configuration it runs with. */
  public DtlsConfig config() {
    return config;
  }

  /** Where the connection is. */
  public DtlsState state() {
    return state;
  }

  /** Whether this is the client side. */
  public boolean isClient() {
    return handshake.client();
  }

  /** What was dropped and why. */
  public DropCounts<DtlsDrop> drops() {
    return drops;
  }

  /** The negotiated cipher suite, or {@code null} before the ServerHello. */
  public CipherSuite cipherSuite() {
    return handshake.suite;
  }

  /** The SRTP profile agreed by use_srtp, or {@code null}. */
  public SrtpProfile srtpProfile() {
    return handshake.srtpProfile;
  }

  /** The peer's certificate once the handshake has checked it, else {@code null}. */
  public X509Certificate peerCertificate() {
    return state == DtlsState.CONNECTED ? handshake.peerCertificate : null;
  }

  /**
   * The largest application data this endpoint puts in one datagram without exceeding the MTU: the
   * MTU less the record header and the AEAD overhead.
   */
  public int maxApplicationDataLength() {
    int overhead = writeProtection != null ? writeProtection.overhead() : 24;
    return config.mtu() - DtlsRecord.HEADER_LENGTH - overhead;
  }

  /**
   * Keying material from the exporter of RFC 5705.
   *
   * @param context the context value, or {@code null} for none
   * @throws IllegalStateException unless the handshake has finished
   */
  public byte[] exportKeyingMaterial(String label, byte[] context, int length) {
    if (!handshake.complete() || state != DtlsState.CONNECTED) {
      throw new IllegalStateException("keying material exists only once connected: " + state);
    }
    return handshake.export(label, context, length);
  }

  /**
   * The SRTP master keys and salts (RFC 5764 §4.2), split into ours and the peer's.
   *
   * @throws IllegalStateException unless connected with a negotiated SRTP profile
   */
  public SrtpKeyingMaterial srtpKeyingMaterial() {
    SrtpProfile profile = handshake.srtpProfile;
    if (profile == null) {
      throw new IllegalStateException("no SRTP profile was negotiated");
    }
    byte[] material =
        exportKeyingMaterial(
            SrtpKeyingMaterial.EXPORTER_LABEL,
            null,
            2 * (profile.keyLength() + profile.saltLength()));
    return SrtpKeyingMaterial.split(profile, material, handshake.client());
  }

  // ---- records in -------------------------------------------------------------------------

  private void handleRecord(DtlsRecord record) {
    int type = record.contentType();
    if (!ContentType.isKnown(type)) {
      drops.increment(DtlsDrop.UNKNOWN_CONTENT_TYPE);
      return;
    }
    byte[] plain;
    if (record.epoch() == 0) {
      if (type == ContentType.APPLICATION_DATA) {
        drops.increment(DtlsDrop.UNEXPECTED_MESSAGE);
        return;
      }
      plain =
          Arrays.copyOfRange(
              record.array(),
              record.fragmentOffset(),
              record.fragmentOffset() + record.fragmentLength());
    } else if (record.epoch() == 1) {
      if (readProtection == null) {
        hold(record);
        return;
      }
      if (!replayWindow.mayAccept(record.sequence())) {
        drops.increment(DtlsDrop.REPLAYED);
        return;
      }
      int plainLength = record.fragmentLength() - readProtection.overhead();
      plain = new byte[Math.max(0, plainLength)];
      int opened =
          readProtection.open(
              record.epochAndSequence(),
              type,
              record.version(),
              record.array(),
              record.fragmentOffset(),
              record.fragmentLength(),
              plain,
              0);
      if (plainLength < 0 || opened != plainLength) {
        drops.increment(DtlsDrop.BAD_RECORD_MAC);
        return;
      }
      replayWindow.accept(record.sequence());
    } else {
      drops.increment(DtlsDrop.WRONG_EPOCH);
      return;
    }
    switch (type) {
      case ContentType.HANDSHAKE -> handleHandshake(plain, record.epoch());
      case ContentType.ALERT -> handleAlert(plain, record.epoch());
      case ContentType.CHANGE_CIPHER_SPEC -> {
        // Keys switch when they are derived; the Finished is accepted only in epoch 1, so the
        // ChangeCipherSpec itself carries nothing we need (RFC 6347 §4.1 allows it to be lost).
        if (plain.length != 1 || plain[0] != 1) {
          drops.increment(DtlsDrop.MALFORMED_RECORD);
        }
      }
      default -> handleApplicationData(plain);
    }
  }

  private void handleApplicationData(byte[] plain) {
    if (state == DtlsState.CONNECTED) {
      events.add(new DtlsEvent.ApplicationData(plain));
    } else if (heldApplicationData.size() < config.maxHeldRecords()) {
      // The peer finished first and its data overtook its Finished: keep it for later.
      heldApplicationData.add(plain);
    } else {
      drops.increment(DtlsDrop.HELD_OVERFLOW);
    }
  }

  private void hold(DtlsRecord record) {
    if (heldRecords.size() >= config.maxHeldRecords()) {
      drops.increment(DtlsDrop.HELD_OVERFLOW);
      return;
    }
    int start = record.fragmentOffset() - DtlsRecord.HEADER_LENGTH;
    heldRecords.add(
        Arrays.copyOfRange(
            record.array(), start, record.fragmentOffset() + record.fragmentLength()));
  }

  /** Records of epoch 1 that came before the keys: try them once the keys are there. */
  private void replayHeldRecords() {
    if (replayingHeld || readProtection == null || heldRecords.isEmpty()) {
      return;
    }
    replayingHeld = true;
    try {
      while (!heldRecords.isEmpty() && !terminal()) {
        byte[] bytes = heldRecords.poll();
        try {
          handleRecord(DtlsRecord.parse(new ByteReader(bytes)));
        } catch (ParseException e) {
          drops.increment(DtlsDrop.MALFORMED_RECORD);
        }
      }
    } finally {
      replayingHeld = false;
    }
  }

  private void handleHandshake(byte[] plain, int epoch) {
    ByteReader reader = new ByteReader(plain);
    while (reader.hasRemaining() && !terminal()) {
      HandshakeFragment fragment;
      try {
        fragment = HandshakeFragment.parse(reader);
      } catch (ParseException e) {
        drops.increment(DtlsDrop.MALFORMED_HANDSHAKE);
        return;
      }
      if (state == DtlsState.NEW) {
        if (handshake.client()) {
          drops.increment(DtlsDrop.UNEXPECTED_MESSAGE);
          return;
        }
        begin();
      }
      if (handshake.complete()) {
        handleHandshakeAfterCompletion(fragment, epoch);
        continue;
      }
      switch (reassembler.add(fragment, epoch)) {
        case ACCEPTED -> deliverMessages();
        case DUPLICATE -> {
          drops.increment(DtlsDrop.DUPLICATE_HANDSHAKE);
          respondToRetransmission();
        }
        case OUT_OF_WINDOW -> drops.increment(DtlsDrop.UNEXPECTED_MESSAGE);
        case INCONSISTENT -> drops.increment(DtlsDrop.MALFORMED_HANDSHAKE);
      }
    }
  }

  private void handleHandshakeAfterCompletion(HandshakeFragment fragment, int epoch) {
    boolean hello =
        fragment.type() == HandshakeType.HELLO_REQUEST.code()
            || fragment.type() == HandshakeType.CLIENT_HELLO.code();
    if (epoch == 1 && hello) {
      // A new handshake under the current keys (its message_seq starts again at 0): RFC 5746
      // §4.2/§4.4, we do not renegotiate; say so with a warning and carry on.
      drops.increment(DtlsDrop.UNEXPECTED_MESSAGE);
      sendAlert(Alert.WARNING, Alert.NO_RENEGOTIATION);
    } else if (fragment.messageSeq() < reassembler.nextSeq()) {
      // The peer repeats its last flight: ours was lost (RFC 6347 §4.2.4).
      drops.increment(DtlsDrop.DUPLICATE_HANDSHAKE);
      respondToRetransmission();
    } else {
      drops.increment(DtlsDrop.UNEXPECTED_MESSAGE);
    }
  }

  private void deliverMessages() {
    HandshakeReassembler.Message message;
    while (!terminal() && !handshake.complete() && (message = reassembler.poll()) != null) {
      try {
        handshake.onMessage(message);
      } catch (HandshakeFailure f) {
        fail(f);
        return;
      }
      afterHandshakeProgress();
    }
  }

  private void afterHandshakeProgress() {
    if (handshake.awaitingFingerprint()) {
      // Nothing to retransmit while we wait: the peer waits for us.
      timers.stop(Timer.RETRANSMIT);
    }
    if (handshake.complete() && state == DtlsState.CONNECTING) {
      state = DtlsState.CONNECTED;
      timers.stop(Timer.HANDSHAKE);
      if (lastFlight != null && lastFlight.awaitsResponse()) {
        // A client's flight 5 was answered by the server's Finished.
        timers.stop(Timer.RETRANSMIT);
      }
      events.add(
          new DtlsEvent.Connected(
              handshake.suite, handshake.srtpProfile, handshake.peerCertificate));
      while (!heldApplicationData.isEmpty()) {
        events.add(new DtlsEvent.ApplicationData(heldApplicationData.poll()));
      }
    }
  }

  /** Answers a repeated flight of the peer with ours, at most twice per initial timeout. */
  private void respondToRetransmission() {
    if (lastFlight == null) {
      return;
    }
    long gap = config.initialRetransmitNanos() / 2;
    if (lastDuplicateResponse != Long.MIN_VALUE && now - lastDuplicateResponse < gap) {
      return;
    }
    lastDuplicateResponse = now;
    transmit(lastFlight);
  }

  private void handleAlert(byte[] plain, int epoch) {
    Alert alert;
    try {
      alert = Alert.parse(plain, 0, plain.length);
    } catch (ParseException e) {
      drops.increment(DtlsDrop.IGNORED_ALERT);
      return;
    }
    if (epoch == 0 && state == DtlsState.CONNECTED) {
      // Unauthenticated: anyone on the path could have sent it.
      drops.increment(DtlsDrop.IGNORED_ALERT);
      return;
    }
    if (alert.description() == Alert.CLOSE_NOTIFY) {
      if (state == DtlsState.CONNECTED) {
        sendAlert(Alert.WARNING, Alert.CLOSE_NOTIFY);
      }
      state = DtlsState.CLOSED;
      stopAll();
      events.add(new DtlsEvent.Closed());
    } else if (alert.isFatal()) {
      state = DtlsState.FAILED;
      stopAll();
      events.add(
          new DtlsEvent.Failed(
              alert.description(),
              false,
              "the peer sent a fatal alert: " + Alert.describe(alert.description())));
    }
    // Other warnings (no_renegotiation, say) need nothing from us.
  }

  // ---- records out ------------------------------------------------------------------------

  private final class HostView implements Handshake.Host {
    @Override
    public void send(OutgoingFlight flight) {
      lastFlight = flight;
      lastDuplicateResponse = Long.MIN_VALUE;
      transmit(flight);
      if (flight.awaitsResponse()) {
        retransmitTimeout = config.initialRetransmitNanos();
        timers.set(Timer.RETRANSMIT, Time.after(now, retransmitTimeout));
      } else {
        timers.stop(Timer.RETRANSMIT);
      }
    }

    @Override
    public void installKeys(CipherSuite suite, byte[] keyBlock) {
      int k = suite.keyLength();
      int iv = suite.fixedIvLength();
      byte[] clientKey = Arrays.copyOfRange(keyBlock, 0, k);
      byte[] serverKey = Arrays.copyOfRange(keyBlock, k, 2 * k);
      byte[] clientIv = Arrays.copyOfRange(keyBlock, 2 * k, 2 * k + iv);
      byte[] serverIv = Arrays.copyOfRange(keyBlock, 2 * k + iv, 2 * k + 2 * iv);
      boolean client = handshake.client();
      writeProtection =
          RecordProtection.create(
              suite, client ? clientKey : serverKey, client ? clientIv : serverIv);
      readProtection =
          RecordProtection.create(
              suite, client ? serverKey : clientKey, client ? serverIv : clientIv);
      Arrays.fill(keyBlock, (byte) 0);
    }

    @Override
    public List<CertificateFingerprint> remoteFingerprints() {
      return remoteFingerprints;
    }
  }

  /** Packs a flight into as few datagrams as the MTU allows, fragmenting messages to fit. */
  private void transmit(OutgoingFlight flight) {
    int mtu = config.mtu();
    byte[] datagram = new byte[mtu];
    int pos = 0;
    for (OutgoingFlight.Entry e : flight.entries()) {
      int recordOverhead =
          DtlsRecord.HEADER_LENGTH + (e.epoch() == 0 ? 0 : writeProtection.overhead());
      if (e.type() == OutgoingFlight.CHANGE_CIPHER_SPEC) {
        if (pos + recordOverhead + 1 > mtu) {
          outgoing.add(Arrays.copyOf(datagram, pos));
          pos = 0;
        }
        pos = writeRecord(ContentType.CHANGE_CIPHER_SPEC, 0, e.body(), 0, 1, datagram, pos);
        continue;
      }
      byte[] body = e.body();
      int offset = 0;
      do {
        int overhead = recordOverhead + HandshakeFragment.HEADER_LENGTH;
        int room = mtu - pos - overhead;
        int left = body.length - offset;
        // Start a new datagram rather than send a sliver of a message.
        if (room < Math.min(left, 64)) {
          if (pos > 0) {
            outgoing.add(Arrays.copyOf(datagram, pos));
            pos = 0;
          }
          room = mtu - overhead;
        }
        int n = Math.min(room, left);
        byte[] fragment =
            new HandshakeFragment(
                    e.type(),
                    body.length,
                    e.messageSeq(),
                    offset,
                    Arrays.copyOfRange(body, offset, offset + n))
                .encode();
        pos =
            writeRecord(
                ContentType.HANDSHAKE, e.epoch(), fragment, 0, fragment.length, datagram, pos);
        offset += n;
      } while (offset < body.length);
    }
    if (pos > 0) {
      outgoing.add(Arrays.copyOf(datagram, pos));
    }
  }

  /** Writes one record at {@code outOff}; returns the offset past it. */
  private int writeRecord(
      int type, int epoch, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
    long sequence = writeSequence[epoch]++;
    int version = DtlsRecord.DTLS_1_2;
    if (epoch == 0) {
      DtlsRecord.writeHeader(out, outOff, type, version, epoch, sequence, inLen);
      System.arraycopy(in, inOff, out, outOff + DtlsRecord.HEADER_LENGTH, inLen);
      return outOff + DtlsRecord.HEADER_LENGTH + inLen;
    }
    long epochAndSequence = ((long) epoch << 48) | sequence;
    int n =
        writeProtection.seal(
            epochAndSequence,
            type,
            version,
            in,
            inOff,
            inLen,
            out,
            outOff + DtlsRecord.HEADER_LENGTH);
    DtlsRecord.writeHeader(out, outOff, type, version, epoch, sequence, n);
    return outOff + DtlsRecord.HEADER_LENGTH + n;
  }

  private void sendAlert(int level, int description) {
    byte[] alert = new Alert(level, description).encode();
    int epoch = state == DtlsState.CONNECTED && writeProtection != null ? 1 : 0;
    int overhead = epoch == 0 ? 0 : writeProtection.overhead();
    byte[] out = new byte[DtlsRecord.HEADER_LENGTH + overhead + alert.length];
    writeRecord(ContentType.ALERT, epoch, alert, 0, alert.length, out, 0);
    outgoing.add(out);
  }

  // ---- endings ----------------------------------------------------------------------------

  private void fail(HandshakeFailure f) {
    sendAlert(Alert.FATAL, f.alert());
    fail(f.alert(), f.getMessage());
  }

  private void fail(int alert, String reason) {
    state = DtlsState.FAILED;
    stopAll();
    events.add(new DtlsEvent.Failed(alert, alert >= 0, reason));
  }

  private void stopAll() {
    timers.stop(Timer.RETRANSMIT);
    timers.stop(Timer.HANDSHAKE);
    for (int i = heldRecords.size() + heldApplicationData.size(); i > 0; i--) {
      drops.increment(DtlsDrop.AFTER_CLOSE);
    }
    heldRecords.clear();
    heldApplicationData.clear();
  }

  private boolean terminal() {
    return state == DtlsState.CLOSED || state == DtlsState.FAILED;
  }
}
