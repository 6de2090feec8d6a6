package org.rtc4j.sctp.rx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.sctp.common.Data;
import org.rtc4j.sctp.packet.SkippedStream;

/**
 * Property tests: QuickTheories with a fixed seed. Random messages on a few streams, ordered and
 * unordered, cut into random fragments and sent as DATA or I-DATA (interleaved), arrive in any
 * order with duplicates, through the {@link DataTracker} and {@link ReassemblyQueue} as the
 * association drives them: each message comes out exactly once, intact, and each stream's ordered
 * messages in the order they were sent. With some messages abandoned and skipped by a FORWARD-TSN,
 * none of those comes out in part and all the others still do.
 */
class ReassemblyPropertyTest {
  static final long SEED = 0x5C7F_2026L;
  static final int PPID = 53;

  /** A message as sent: its id is the first 4 bytes of its payload. */
  record Sent(
      int id, int stream, boolean unordered, long sequence, byte[] payload, List<byte[]> pieces) {}

  /** A fragment on the wire. */
  record Chunk(int tsn, Data data, Sent message) {}

  /** The fragments sent, in TSN order, and the sender's next TSN. */
  record Sending(List<Chunk> chunks, int nextTsn) {}

  @Test
  void anyArrivalOrderWithDuplicatesDeliversEachDataMessageOnceWholeAndInOrder() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(seed -> deliverEverything(false, seed));
  }

  @Test
  void anyArrivalOrderWithDuplicatesDeliversEachIDataMessageOnceWholeAndInOrder() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(seed -> deliverEverything(true, seed));
  }

  @Test
  void abandonedDataMessagesNeverComeOutInPartAndTheOthersAllDo() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(seed -> abandonSome(false, seed));
  }

  @Test
  void abandonedIDataMessagesNeverComeOutInPartAndTheOthersAllDo() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(longs().all())
        .checkAssert(seed -> abandonSome(true, seed));
  }

  private static void deliverEverything(boolean interleaved, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int initialTsn = initialTsn(random);
    List<Sent> messages = messages(random);
    int[] piecesSent = messages.stream().mapToInt(m -> m.pieces().size()).toArray();
    List<Chunk> chunks = send(random, interleaved, initialTsn, messages, piecesSent).chunks();
    List<Chunk> arrivals = withDuplicates(random, chunks);

    DataTracker tracker = new DataTracker(initialTsn, DataTracker.MAX_OUT_OF_ORDER_TSNS);
    ReassemblyQueue queue = new ReassemblyQueue(interleaved, 1 << 24);
    List<ReceivedMessage> delivered = new ArrayList<>();
    receive(random, tracker, queue, arrivals, delivered);
    drain(queue, delivered);

    assertEquals(initialTsn + chunks.size() - 1, tracker.cumulativeTsnAck());
    assertFalse(tracker.hasGaps());
    assertEquals(0, queue.queuedBytes(), "nothing held once all is polled");
    assertDelivered(messages, delivered);
  }

  private static void abandonSome(boolean interleaved, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int initialTsn = initialTsn(random);
    List<Sent> messages = messages(random);

    // Abandon some messages. The sender stops sending some of them part way (their last pieces
    // never get a TSN); of each of the others, at least one fragment is lost.
    Map<Integer, Boolean> abandoned = new HashMap<>();
    for (Sent m : messages) {
      abandoned.put(m.id(), random.nextInt(4) == 0);
    }
    Sent forced = messages.get(random.nextInt(messages.size()));
    abandoned.put(forced.id(), true);
    int[] piecesSent = new int[messages.size()];
    Map<Integer, Integer> lostPiece = new HashMap<>();
    for (Sent m : messages) {
      int pieces = m.pieces().size();
      piecesSent[m.id()] = pieces;
      if (abandoned.get(m.id())) {
        if (pieces > 1 && random.nextBoolean()) {
          piecesSent[m.id()] = 1 + random.nextInt(pieces - 1);
        } else {
          lostPiece.put(m.id(), random.nextInt(pieces));
        }
      }
    }
    Sending sending = send(random, interleaved, initialTsn, messages, piecesSent);
    List<Chunk> sent = new ArrayList<>();
    Map<Integer, Integer> pieceIndex = new HashMap<>();
    for (Chunk c : sending.chunks()) {
      int index = pieceIndex.merge(c.message().id(), 1, Integer::sum) - 1;
      boolean lost = abandoned.get(c.message().id()) && random.nextInt(3) == 0;
      if (!lost && !Integer.valueOf(index).equals(lostPiece.get(c.message().id()))) {
        sent.add(c);
      }
    }
    List<Chunk> arrivals = withDuplicates(random, sent);

    DataTracker tracker = new DataTracker(initialTsn, DataTracker.MAX_OUT_OF_ORDER_TSNS);
    ReassemblyQueue queue = new ReassemblyQueue(interleaved, 1 << 24);
    List<ReceivedMessage> delivered = new ArrayList<>();
    receive(random, tracker, queue, arrivals, delivered);

    // The sender's FORWARD-TSN: up to its last TSN, with the highest abandoned SSN or MID of each
    // stream (and, for I-DATA, of each stream's unordered messages).
    Map<Integer, SkippedStream> skipped = new HashMap<>();
    for (Sent m : messages) {
      if (abandoned.get(m.id()) && (interleaved || !m.unordered())) {
        int key = m.stream() * 2 + (m.unordered() ? 1 : 0);
        skipped.put(key, new SkippedStream(m.stream(), m.unordered(), (int) m.sequence()));
      }
    }
    int lastTsn = sending.nextTsn() - 1;
    assertTrue(tracker.handleForwardTsn(lastTsn), "a fragment was missing, so the ack moves");
    queue.handleForwardTsn(lastTsn, new ArrayList<>(skipped.values()));
    drain(queue, delivered);

    assertEquals(lastTsn, tracker.cumulativeTsnAck());
    assertEquals(0, queue.queuedBytes(), "the partial messages are gone");
    List<Sent> kept = messages.stream().filter(m -> !abandoned.get(m.id())).toList();
    assertDelivered(kept, delivered);
  }

  private static int initialTsn(SplittableRandom random) {
    return random.nextBoolean() ? -1 - random.nextInt(60) : random.nextInt(); // often wraps
  }

  private static List<Sent> messages(SplittableRandom random) {
    int streams = 1 + random.nextInt(4);
    int count = 1 + random.nextInt(40);
    long[] nextOrdered = new long[streams];
    long[] nextUnordered = new long[streams];
    List<Sent> messages = new ArrayList<>();
    for (int id = 0; id < count; id++) {
      int stream = random.nextInt(streams);
      boolean unordered = random.nextInt(3) == 0;
      long sequence = unordered ? nextUnordered[stream]++ : nextOrdered[stream]++;
      byte[] payload = new byte[4 + random.nextInt(30)];
      random.nextBytes(payload);
      ByteBuffer.wrap(payload).putInt(id);
      int pieces = 1 + random.nextInt(Math.min(5, payload.length));
      List<byte[]> cut = cut(random, payload, pieces);
      messages.add(new Sent(id, stream, unordered, sequence, payload, cut));
    }
    return messages;
  }

  /** Cuts a payload into {@code pieces} non-empty fragments at random places. */
  private static List<byte[]> cut(SplittableRandom random, byte[] payload, int pieces) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 1; i < payload.length; i++) {
      ends.add(i);
    }
    Collections.shuffle(ends, new Random(random.nextLong()));
    List<Integer> cuts = new ArrayList<>(ends.subList(0, pieces - 1));
    cuts.add(payload.length);
    Collections.sort(cuts);
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int to : cuts) {
      byte[] piece = new byte[to - from];
      System.arraycopy(payload, from, piece, 0, piece.length);
      out.add(piece);
      from = to;
    }
    return out;
  }

  /**
   * Assigns TSNs to the first {@code piecesSent[id]} pieces of each message: DATA gives a message's
   * fragments consecutive TSNs, message after message; I-DATA interleaves the fragments of all
   * messages at random, each message's in FSN order. A message cut short gets one more TSN, for the
   * end it never sends, so that its FORWARD-TSN moves the receiver's cumulative ack point (as
   * dcSCTP's sender does).
   */
  private static Sending send(
      SplittableRandom random,
      boolean interleaved,
      int initialTsn,
      List<Sent> messages,
      int[] piecesSent) {
    List<Chunk> chunks = new ArrayList<>();
    int tsn = initialTsn;
    if (!interleaved) {
      for (Sent m : messages) {
        for (int i = 0; i < piecesSent[m.id()]; i++) {
          chunks.add(new Chunk(tsn++, fragment(false, m, i), m));
        }
        if (piecesSent[m.id()] < m.pieces().size()) {
          tsn++;
        }
      }
      return new Sending(chunks, tsn);
    }
    List<Sent> open = new ArrayList<>(messages);
    int[] sent = new int[messages.size()];
    while (!open.isEmpty()) {
      Sent m = open.get(random.nextInt(open.size()));
      int i = sent[m.id()]++;
      chunks.add(new Chunk(tsn++, fragment(true, m, i), m));
      if (sent[m.id()] == piecesSent[m.id()]) {
        open.remove(m);
        if (piecesSent[m.id()] < m.pieces().size()) {
          tsn++;
        }
      }
    }
    return new Sending(chunks, tsn);
  }

  private static Data fragment(boolean interleaved, Sent m, int i) {
    boolean first = i == 0;
    boolean last = i == m.pieces().size() - 1;
    byte[] piece = m.pieces().get(i);
    if (interleaved) {
      return new Data(
          m.stream(),
          0,
          (int) m.sequence(),
          i,
          first ? PPID : 0,
          piece,
          first,
          last,
          m.unordered());
    }
    int ssn = m.unordered() ? 0 : (int) (m.sequence() & 0xFFFF);
    return new Data(m.stream(), ssn, 0, 0, PPID, piece, first, last, m.unordered());
  }

  /** The chunks shuffled, about a fifth of them twice. */
  private static List<Chunk> withDuplicates(SplittableRandom random, List<Chunk> chunks) {
    List<Chunk> arrivals = new ArrayList<>(chunks);
    for (Chunk c : chunks) {
      if (random.nextInt(5) == 0) {
        arrivals.add(c);
      }
    }
    Collections.shuffle(arrivals, new Random(random.nextLong()));
    return arrivals;
  }

  /** What the association does with each DATA or I-DATA chunk; polls now and then. */
  private static void receive(
      SplittableRandom random,
      DataTracker tracker,
      ReassemblyQueue queue,
      List<Chunk> arrivals,
      List<ReceivedMessage> delivered) {
    for (Chunk c : arrivals) {
      assertTrue(tracker.isTsnValid(c.tsn()));
      if (tracker.isDuplicate(c.tsn())) {
        assertFalse(tracker.observe(c.tsn(), false));
      } else {
        assertTrue(queue.add(c.tsn(), c.data()));
        assertTrue(tracker.observe(c.tsn(), false));
      }
      if (random.nextInt(4) == 0) {
        drain(queue, delivered);
      }
    }
  }

  private static void drain(ReassemblyQueue queue, List<ReceivedMessage> delivered) {
    for (ReceivedMessage m = queue.poll(); m != null; m = queue.poll()) {
      delivered.add(m);
    }
  }

  private static void assertDelivered(List<Sent> expected, List<ReceivedMessage> delivered) {
    assertEquals(expected.size(), delivered.size(), "each message once");
    Map<Integer, Sent> byId = new HashMap<>();
    for (Sent m : expected) {
      byId.put(m.id(), m);
    }
    Map<Integer, Long> lastOrdered = new HashMap<>();
    for (ReceivedMessage r : delivered) {
      Sent m = byId.remove(ByteBuffer.wrap(r.payload()).getInt());
      assertNotNull(m, "a message expected and not yet delivered");
      assertArrayEquals(m.payload(), r.payload(), "intact");
      assertEquals(m.stream(), r.streamId());
      assertEquals(m.unordered(), r.unordered());
      assertEquals(PPID, r.ppid());
      if (!m.unordered()) {
        Long previous = lastOrdered.put(m.stream(), m.sequence());
        assertTrue(previous == null || previous < m.sequence(), "ordered ones in order");
      }
    }
  }
}
