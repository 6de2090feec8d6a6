package org.rtc4j.sctp.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.Time;
import org.rtc4j.sctp.packet.GapAckBlock;
import org.rtc4j.sctp.packet.SkippedStream;

/**
 * The sending half of an association's data path: what is on the wire and not yet acknowledged (RFC
 * 9260 §6, §7, RFC 3758 §3.5). It gives new fragments their TSNs, processes SACKs, decides what
 * goes into each packet under the congestion window and the peer's receive window, repairs losses
 * by fast retransmit and on T3-rtx expiry, measures the RTT, and abandons partially reliable
 * messages and says when a FORWARD-TSN is due and what it carries.
 *
 * <p>Sans-I/O and single-threaded: the association calls {@link #getChunksToSend(long, int)} for
 * each packet it builds, {@link #handleSack} for each SACK, {@link #handleT3RtxExpiry(long)} when
 * {@link #t3RtxDeadline()} has come, and {@link #shouldSendForwardTsn(long)} before it builds a
 * packet. Sizes are counted as chunks take them on the wire: header and payload padded to 4.
 *
 * <p>Bounded: new data is taken from the source only while the bytes held stay under {@link
 * RetransmissionQueueConfig#maxHeldBytes()}, whatever windows the peer advertises.
 */
public final class RetransmissionQueue {
  private final FragmentSource source;
  private final RetransmissionQueueConfig config;
  private final RetransmitTimeout rto;
  private final CongestionControl congestion;
  private final OutstandingData outstanding;

  private long peerReceiverWindow;
  private long fastRecoveryExitPoint = OutstandingData.NONE;
  private boolean fastRetransmitDue;
  private long t3Deadline = Time.NEVER;
  private boolean forwardTsnDue;
  private long newlyAckedBytes;
  private long lastTransmission = OutstandingData.NONE;

  /**
   * A queue with RFC 9260's initial cwnd, the default bound on held bytes, and PR-SCTP on ({@link
   * RetransmissionQueueConfig#of(int, int)}).
   *
   * @param source where new fragments come from: the send queue
   * @param myInitialTsn the Initial TSN this endpoint announced in its INIT or INIT ACK
   * @param peerReceiverWindow the a_rwnd of the peer's INIT or INIT ACK (RFC 9260 §6.2.1 A)
   * @param mtu the largest SCTP packet
   * @param dataChunkHeaderSize 16 (DATA) or 20 (I-DATA)
   * @param rto the peer address's RTO estimate, which this queue feeds with RTT samples and backs
   *     off on T3-rtx expiry
   */
  public RetransmissionQueue(
      FragmentSource source,
      int myInitialTsn,
      long peerReceiverWindow,
      int mtu,
      int dataChunkHeaderSize,
      RetransmitTimeout rto) {
    this(
        source,
        myInitialTsn,
        peerReceiverWindow,
        RetransmissionQueueConfig.of(mtu, dataChunkHeaderSize),
        rto);
  }

  /**
   * A queue configured in full.
   *
   * @param source where new fragments come from: the send queue
   * @param myInitialTsn the Initial TSN this endpoint announced in its INIT or INIT ACK
   * @param peerReceiverWindow the a_rwnd of the peer's INIT or INIT ACK (RFC 9260 §6.2.1 A), which
   *     is also the first ssthresh (§7.2.1)
   * @param config sizes, initial cwnd, bound, PR-SCTP
   * @param rto the peer address's RTO estimate
   */
  public RetransmissionQueue(
      FragmentSource source,
      int myInitialTsn,
      long peerReceiverWindow,
      RetransmissionQueueConfig config,
      RetransmitTimeout rto) {
    this.source = Objects.requireNonNull(source, "source");
    this.config = Objects.requireNonNull(config, "config");
    this.rto = Objects.requireNonNull(rto, "rto");
    this.peerReceiverWindow = Math.max(0, peerReceiverWindow);
    // RFC 9260 §7.2.1: ssthresh "MAY be arbitrarily high", e.g. the peer's a_rwnd.
    this.congestion =
        new CongestionControl(
            config.mtu(), config.initialCwnd(), Math.max(config.mtu(), this.peerReceiverWindow));
    this.outstanding = new OutstandingData(Integer.toUnsignedLong(myInitialTsn), config, source);
  }

  /**
   * The fragments to put into the packet being built, at most {@code bytesRemainingInPacket} bytes
   * of chunks (rounded down to 4), in this order:
   *
   * <ol>
   *   <li>After a SACK started a fast retransmit, the earliest chunks marked for retransmission
   *       that fit, regardless of cwnd, and nothing else (RFC 9260 §7.2.4 3).
   *   <li>Otherwise only if the data in flight is below cwnd (§6.1 B; the packet may take it past
   *       cwnd, by less than one packet): first chunks marked for retransmission (§6.1 C), then new
   *       fragments from the source, each given the next TSN. New data is also limited by the
   *       peer's receive window (§6.1 A), except that one chunk may always go when nothing is in
   *       flight, to probe a closed window.
   * </ol>
   *
   * Starts T3-rtx if it is not running (§6.3.2 R1).
   *
   * @param now the time, in nanoseconds
   * @param bytesRemainingInPacket the room left in the packet for DATA or I-DATA chunks
   */
  public List<TsnFragment> getChunksToSend(long now, int bytesRemainingInPacket) {
    List<TsnFragment> out = new ArrayList<>();
    int room = bytesRemainingInPacket & ~3;
    int header = config.dataChunkHeaderSize();
    if (room <= header) {
      return out;
    }
    decayIdleWindow(now);
    long firstOutstanding = outstanding.lastCumulativeTsnAck() + 1;
    if (fastRetransmitDue) {
      fastRetransmitDue = false;
      int used = outstanding.retransmit(now, room, out);
      if (!out.isEmpty()) {
        decreasePeerWindow(used);
        startT3AfterRetransmission(now, firstOutstanding, out);
        lastTransmission = now;
        return out;
      }
    }
    if (outstanding.outstandingBytes() >= congestion.cwnd()) {
      return out;
    }
    int used = outstanding.retransmit(now, room, out);
    decreasePeerWindow(used);
    room -= used;
    boolean retransmitted = !out.isEmpty();
    // §6.1 C: new data only once nothing waits for retransmission.
    while (room > header
        && !outstanding.hasChunksToRetransmit()
        && outstanding.heldBytes() < config.maxHeldBytes()) {
      int maxPayload = room - header;
      if (outstanding.outstandingBytes() > 0) {
        // RFC 9260 §6.1 A: new data only into the peer's window...
        long window = peerReceiverWindow - header;
        if (window <= 0) {
          break;
        }
        maxPayload = (int) Math.min(maxPayload, window);
      } // ...except one chunk, whatever the window, when nothing is in flight.
      OutgoingFragment fragment = source.produce(now, maxPayload);
      if (fragment == null) {
        break;
      }
      long tsn = outstanding.insert(fragment, now);
      if (tsn == OutstandingData.NONE) {
        // Its message's lifetime ran out: it has a TSN, for the FORWARD-TSN to skip, but stays.
        forwardTsnDue |= outstanding.advancePeerAckPoint();
        continue;
      }
      int size = config.chunkSize(fragment.data().length());
      room -= size;
      decreasePeerWindow(size);
      out.add(new TsnFragment((int) tsn, fragment.data()));
    }
    if (retransmitted) {
      startT3AfterRetransmission(now, firstOutstanding, out);
    } else if (!out.isEmpty()) {
      startT3IfStopped(now);
    }
    if (!out.isEmpty()) {
      lastTransmission = now;
    }
    return out;
  }

  /**
   * RFC 9260 §7.2.1, §7.2.2: a sender that has sent no DATA for an RTO halves cwnd (not below 4
   * MTUs) for each RTO it stayed idle, so that it does not burst a stale window into the network.
   */
  private void decayIdleWindow(long now) {
    if (lastTransmission == OutstandingData.NONE || outstanding.outstandingBytes() > 0) {
      return;
    }
    long period = rto.rto();
    long periods = (now - lastTransmission) / period;
    if (periods <= 0) {
      return;
    }
    congestion.onIdle(periods);
    lastTransmission += periods * period;
  }

  /**
   * Processes a SACK (RFC 9260 §6.2.1).
   *
   * <p>A SACK whose cumulative TSN ack is below the last one (out of order, D i) or above the
   * highest TSN sent (it acknowledges what was never sent) is ignored, and false returned.
   * Otherwise the cumulative ack and the gap ack blocks are applied, the peer's window becomes
   * a_rwnd less the bytes still in flight (D ii), TSNs reported missing get miss indications
   * (§7.2.4: only those below the highest TSN newly acknowledged; all reported ones in Fast
   * Recovery when the cumulative ack advances), TSNs acknowledged before by a gap block and now
   * left out count as missing (D iii), Fast Recovery ends when the cumulative ack reaches its exit
   * point (D iv), cwnd grows by the bytes newly acknowledged (§7.2.1, §7.2.2), the third miss
   * indication of a chunk starts a fast retransmit and, outside Fast Recovery, cuts cwnd and enters
   * it (§7.2.4), the RTT is measured if the timed chunk was acknowledged (§6.3.1), and T3-rtx is
   * restarted or stopped (§6.3.2 R2-R4).
   *
   * <p>A duplicate of the last SACK changes nothing but the peer's window: it newly acknowledges
   * nothing, so it adds no miss indication either.
   *
   * @param now the time, in nanoseconds
   * @param cumulativeTsnAck the SACK's Cumulative TSN Ack (raw 32 bits)
   * @param advertisedReceiverWindowCredit the SACK's a_rwnd (0 to 2^32 - 1)
   * @param gapAckBlocks the SACK's Gap Ack Blocks, in the order they came
   * @return whether the SACK was processed
   */
  public boolean handleSack(
      long now,
      int cumulativeTsnAck,
      long advertisedReceiverWindowCredit,
      List<GapAckBlock> gapAckBlocks) {
    long lastAck = outstanding.lastCumulativeTsnAck();
    long cumulative = lastAck + (int) (cumulativeTsnAck - (int) lastAck);
    if (cumulative < lastAck || cumulative >= outstanding.nextTsn()) {
      return false;
    }
    long flightBefore = outstanding.outstandingBytes();
    boolean advanced = cumulative > lastAck;
    outstanding.handleSack(cumulative, gapAckBlocks, now, inFastRecovery() && advanced);
    newlyAckedBytes = outstanding.bytesAcked();

    // RFC 9260 §6.2.1 D ii
    peerReceiverWindow =
        Math.max(0, advertisedReceiverWindowCredit - outstanding.outstandingBytes());

    // RFC 9260 §6.2.1 D iv
    if (inFastRecovery() && cumulative >= fastRecoveryExitPoint) {
      fastRecoveryExitPoint = OutstandingData.NONE;
    }
    congestion.onAcked(newlyAckedBytes, flightBefore, inFastRecovery());
    if (outstanding.lossDetected()) {
      if (!inFastRecovery()) {
        // RFC 9260 §7.2.4 2: cut once, and stay in Fast Recovery until everything sent so far is
        // acknowledged.
        congestion.onFastRetransmit();
        fastRecoveryExitPoint = outstanding.nextTsn() - 1;
      }
      fastRetransmitDue |= outstanding.markedForFastRetransmit();
    }
    if (outstanding.rttSample() >= 0) {
      rto.observeRtt(outstanding.rttSample());
    }
    if (outstanding.isEmpty()) {
      congestion.onAllAcked(); // RFC 9260 §7.2.2
      t3Deadline = Time.NEVER; // RFC 9260 §6.3.2 R2
    } else if (advanced) {
      t3Deadline = Time.after(now, rto.rto()); // RFC 9260 §6.3.2 R3
    } else if (outstanding.reneged()) {
      startT3IfStopped(now); // RFC 9260 §6.3.2 R4
    }
    // RFC 3758 §3.5 C3: the peer is still behind the Advanced.Peer.Ack.Point.
    outstanding.advancePeerAckPoint();
    if (outstanding.advancedPeerAckPoint() > outstanding.lastCumulativeTsnAck()) {
      forwardTsnDue = true;
    }
    return true;
  }

  /**
   * T3-rtx expired (RFC 9260 §6.3.3): ssthresh = max(cwnd/2, 4*MTU) and cwnd = 1 MTU (E1), the RTO
   * doubles (E2), every chunk not acknowledged is marked for retransmission (E3; those past their
   * PR-SCTP limit are abandoned), and the timer runs again with the new RTO while anything is held
   * (E4; RFC 3758 §3.5 C5 also wants it running while a FORWARD-TSN is owed). The retransmissions
   * go out as {@link #getChunksToSend(long, int)} allows.
   *
   * @return whether the timer had indeed expired by {@code now} with data held (otherwise nothing
   *     happens); the association counts each expiry towards Association.Max.Retrans (§8.1)
   */
  public boolean handleT3RtxExpiry(long now) {
    if (!Time.isDue(t3Deadline, now)) {
      return false;
    }
    if (outstanding.isEmpty()) {
      t3Deadline = Time.NEVER; // R2: nothing to time
      return false;
    }
    congestion.onRetransmitTimeout();
    rto.backOff();
    peerReceiverWindow += outstanding.markAllForRetransmission(now); // RFC 9260 §6.2.1 C
    fastRetransmitDue = false;
    outstanding.advancePeerAckPoint();
    if (outstanding.advancedPeerAckPoint() > outstanding.lastCumulativeTsnAck()) {
      forwardTsnDue = true;
    }
    t3Deadline = outstanding.isEmpty() ? Time.NEVER : Time.after(now, rto.rto());
    return true;
  }

  /** When T3-rtx expires, or {@link Time#NEVER} when it is not running. */
  public long t3RtxDeadline() {
    return t3Deadline;
  }

  /**
   * Whether a FORWARD-TSN (or I-FORWARD-TSN) should go into the packet being built: PR-SCTP is on,
   * the Advanced.Peer.Ack.Point is beyond the peer's cumulative TSN ack (RFC 3758 §3.5 C2), and
   * since the last {@link #forwardTsnSent(long)} it has moved, or a SACK or a T3-rtx expiry showed
   * the peer still behind it (C3). Abandons first the messages of chunks awaiting retransmission
   * whose lifetime has ended by {@code now}.
   */
  public boolean shouldSendForwardTsn(long now) {
    if (!config.partialReliability()) {
      return false;
    }
    outstanding.expire(now);
    if (outstanding.advancePeerAckPoint()) {
      forwardTsnDue = true;
    }
    return forwardTsnDue && outstanding.advancedPeerAckPoint() > outstanding.lastCumulativeTsnAck();
  }

  /**
   * The association put a FORWARD-TSN built from {@link #forwardTsnNewCumulativeTsn()} and {@link
   * #forwardTsnSkippedStreams(boolean)} into a packet: none is due again until the
   * Advanced.Peer.Ack.Point moves or the peer shows it missed this one.
   */
  public void forwardTsnSent(long now) {
    forwardTsnDue = false;
    startT3IfStopped(now); // RFC 3758 §3.5 C5
  }

  /** The FORWARD-TSN's New Cumulative TSN: the Advanced.Peer.Ack.Point (raw 32 bits). */
  public int forwardTsnNewCumulativeTsn() {
    return (int) outstanding.advancedPeerAckPoint();
  }

  /**
   * The FORWARD-TSN's stream entries, ordered by stream: for DATA ({@code interleaved} false), the
   * highest abandoned SSN of each stream's ordered messages (RFC 3758 §3.2); for I-DATA, the
   * highest abandoned MID of each stream, ordered and unordered messages apart (RFC 8260 §2.3.1).
   */
  public List<SkippedStream> forwardTsnSkippedStreams(boolean interleaved) {
    return outstanding.skippedStreams(interleaved);
  }

  /** The bytes in flight: sent, and neither acknowledged nor taken for lost. */
  public long outstandingBytes() {
    return outstanding.outstandingBytes();
  }

  /**
   * The bytes of every chunk held: in flight, acknowledged only by gap blocks, marked for
   * retransmission, or abandoned and not yet passed by the peer's cumulative TSN ack.
   */
  public long heldBytes() {
    return outstanding.heldBytes();
  }

  /** The congestion window, in bytes. */
  public long cwnd() {
    return congestion.cwnd();
  }

  /** The slow start threshold, in bytes. */
  public long ssthresh() {
    return congestion.ssthresh();
  }

  /** Congestion avoidance's count towards the next MTU of growth (RFC 9260 §7.2.2). */
  public long partialBytesAcked() {
    return congestion.partialBytesAcked();
  }

  /** The peer's receive window as this endpoint reckons it (RFC 9260 §6.2.1), in bytes. */
  public long peerReceiverWindow() {
    return peerReceiverWindow;
  }

  /** Whether Fast Recovery is on (RFC 9260 §7.2.4). */
  public boolean inFastRecovery() {
    return fastRecoveryExitPoint != OutstandingData.NONE;
  }

  /** The TSN the next new fragment gets (raw 32 bits): one past the last assigned. */
  public int nextTsn() {
    return (int) outstanding.nextTsn();
  }

  /** The peer's Cumulative TSN Ack as last processed (raw 32 bits). */
  public int lastCumulativeTsnAck() {
    return (int) outstanding.lastCumulativeTsnAck();
  }

  /** Whether nothing is held: nothing in flight, to retransmit, or abandoned and unacknowledged. */
  public boolean isEmpty() {
    return outstanding.isEmpty();
  }

  /** Whether chunks wait for retransmission. */
  public boolean hasChunksToRetransmit() {
    return outstanding.hasChunksToRetransmit();
  }

  /**
   * The bytes the last processed SACK acknowledged for the first time: when positive, the
   * association clears its error counter (RFC 9260 §8.2).
   */
  public long newlyAckedBytes() {
    return newlyAckedBytes;
  }

  /** The RTO estimate this queue feeds. */
  public RetransmitTimeout retransmitTimeout() {
    return rto;
  }

  /** The state of one TSN (raw 32 bits), for tests. */
  OutstandingData.ChunkState stateOf(int tsn) {
    long last = outstanding.lastCumulativeTsnAck();
    return outstanding.stateOf(last + (int) (tsn - (int) last));
  }

  /** Miss indications of one TSN (raw 32 bits), for tests. */
  int missIndications(int tsn) {
    long last = outstanding.lastCumulativeTsnAck();
    return outstanding.missIndications(last + (int) (tsn - (int) last));
  }

  /** Whether the byte counts agree with the chunks' states, for tests. */
  boolean isConsistent() {
    return outstanding.isConsistent();
  }

  private void decreasePeerWindow(long bytes) {
    // RFC 9260 §6.2.1 B
    peerReceiverWindow = Math.max(0, peerReceiverWindow - bytes);
  }

  private void startT3IfStopped(long now) {
    if (t3Deadline == Time.NEVER && !outstanding.isEmpty()) {
      t3Deadline = Time.after(now, rto.rto()); // RFC 9260 §6.3.2 R1
    }
  }

  /**
   * RFC 9260 §7.2.4 4: T3-rtx restarts if the earliest outstanding chunk was among those
   * retransmitted; otherwise it is only started if stopped (§6.3.2 R1).
   */
  private void startT3AfterRetransmission(long now, long firstOutstanding, List<TsnFragment> sent) {
    for (TsnFragment fragment : sent) {
      if (fragment.tsn() == (int) firstOutstanding) {
        t3Deadline = Time.after(now, rto.rto());
        return;
      }
    }
    startT3IfStopped(now);
  }

  @Override
  public String toString() {
    return "RetransmissionQueue[next="
        + Integer.toUnsignedString(nextTsn())
        + ", cumAck="
        + Integer.toUnsignedString(lastCumulativeTsnAck())
        + ", outstanding="
        + outstanding.outstandingBytes()
        + ", held="
        + outstanding.heldBytes()
        + ", cwnd="
        + congestion.cwnd()
        + ", ssthresh="
        + congestion.ssthresh()
        + ", rwnd="
        + peerReceiverWindow
        + (inFastRecovery() ? ", fast recovery" : "")
        + "]";
  }
}
