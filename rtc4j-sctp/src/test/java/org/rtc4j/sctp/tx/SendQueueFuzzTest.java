package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;
import org.rtc4j.sctp.common.Data;

/**
 * A Jazzer fuzz target that drives a {@link SendQueue} with any sequence of calls the association
 * could make, and checks after each that the accounting holds and that every fragment is the next
 * slice of its message. Without {@code JAZZER_FUZZ} it runs once per seed in {@code
 * SendQueueFuzzTestInputs/operations/}; to fuzz:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-sctp -am test \
 *     -Dtest='SendQueueFuzzTest#operations' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class SendQueueFuzzTest {
  static final int STREAMS = 6;
  static final long BOUND = 20_000;

  /** Every message's byte {@code i} is this, so a fragment shows which slice it carries. */
  static byte contentAt(int i) {
    return (byte) (i ^ (i >>> 8));
  }

  @FuzzTest
  void operations(FuzzedDataProvider data) {
    boolean interleaved = data.consumeBoolean();
    SendQueue queue = new SendQueue(interleaved, BOUND);
    long now = 0;
    boolean restarted = false;
    // Bytes produced so far of each message begun and not ended.
    Map<Long, Integer> begun = new HashMap<>();
    Map<Integer, Long> begunOnStream = new HashMap<>();
    Set<Integer> inRequest = new HashSet<>();
    Set<Integer> lowEvents = new HashSet<>();
    while (data.remainingBytes() > 0) {
      switch (data.consumeInt(0, 10)) {
        case 0 -> {
          int stream = data.consumeInt(0, STREAMS - 1);
          byte[] payload = new byte[data.consumeInt(1, 3000)];
          for (int i = 0; i < payload.length; i++) {
            payload[i] = contentAt(i);
          }
          SendOptions options =
              switch (data.consumeInt(0, 2)) {
                case 0 -> new SendOptions(data.consumeBoolean(), -1, -1);
                case 1 -> new SendOptions(data.consumeBoolean(), data.consumeLong(0, 5), -1);
                default -> new SendOptions(data.consumeBoolean(), -1, data.consumeLong(0, 1000));
              };
          SendStatus status = queue.add(now, stream, 51, payload, options);
          if (inRequest.contains(stream)) {
            assertEquals(SendStatus.STREAM_CLOSED, status, "the stream is in a reset request");
          }
        }
        case 1, 2, 3 -> {
          int maxPayload = data.consumeInt(1, 1500);
          boolean wasEmpty = queue.isEmpty();
          OutgoingFragment f = queue.produce(now, maxPayload);
          if (wasEmpty) {
            assertNull(f);
          }
          if (f != null) {
            check(interleaved, f, maxPayload, now, begun, begunOnStream);
          }
        }
        case 4 -> now += data.consumeLong(0, 600);
        case 5 -> {
          int stream = data.consumeInt(0, STREAMS - 1);
          Long id = begunOnStream.get(stream);
          if (id != null && data.consumeBoolean()) {
            assertTrue(queue.discard(stream, id), "a begun message is still queued");
            begun.remove(id);
            begunOnStream.remove(stream);
          } else {
            long any = data.consumeLong(0, 50);
            if (queue.discard(stream, any) && begun.remove(any) != null) {
              begunOnStream.remove(stream);
            }
          }
        }
        case 6 ->
            queue.setBufferedAmountLowThreshold(
                data.consumeInt(0, STREAMS - 1), data.consumeLong(0, 5000));
        case 7 -> {
          List<Integer> streams = new ArrayList<>();
          for (int n = data.consumeInt(0, 3); n > 0; n--) {
            streams.add(data.consumeInt(0, STREAMS - 1));
          }
          queue.prepareResetStreams(streams);
        }
        case 8 -> {
          boolean any = queue.hasStreamsReadyToBeReset();
          List<Integer> ready = queue.getStreamsReadyToBeReset();
          assertEquals(any, !ready.isEmpty());
          for (int stream : ready) {
            assertEquals(0, queue.bufferedAmount(stream), "nothing left to produce");
            assertTrue(inRequest.add(stream));
          }
        }
        case 9 -> {
          if (data.consumeBoolean()) {
            queue.commitResetStreams();
          } else {
            queue.rollbackResetStreams();
          }
          inRequest.clear();
        }
        default -> {
          if (data.consumeInt(0, 9) == 0) {
            queue.reset();
            restarted = true;
            begun.clear();
            begunOnStream.clear();
            inRequest.clear();
          } else {
            int stream = queue.pollBufferedAmountLow();
            if (stream != -1) {
              assertTrue(stream >= 0 && stream < STREAMS);
            }
          }
        }
      }
      long sum = 0;
      for (int s = 0; s < STREAMS; s++) {
        assertTrue(queue.bufferedAmount(s) >= 0);
        sum += queue.bufferedAmount(s);
      }
      assertEquals(sum, queue.totalBufferedAmount());
      assertEquals(sum == 0, queue.isEmpty(), "a queued message has bytes left to produce");
      if (!restarted) {
        assertTrue(queue.totalBufferedAmount() <= BOUND, "the bound holds");
      }
    }
    // Each stream's event is polled at most once per crossing: no duplicates waiting.
    for (int stream; (stream = queue.pollBufferedAmountLow()) != -1; ) {
      assertTrue(lowEvents.add(stream), "one waiting event per stream");
    }
    // Whatever happened, the queue drains.
    int guard = 0;
    while (queue.produce(now, 1500) != null) {
      assertTrue(++guard < 1_000_000);
    }
    assertTrue(queue.isEmpty());
    assertEquals(0, queue.totalBufferedAmount());
  }

  private static void check(
      boolean interleaved,
      OutgoingFragment f,
      int maxPayload,
      long now,
      Map<Long, Integer> begun,
      Map<Integer, Long> begunOnStream) {
    Data d = f.data();
    assertTrue(d.length() >= 1 && d.length() <= maxPayload);
    if (!interleaved && !begun.isEmpty()) {
      // RFC 9260 §6.9: with DATA, a begun message's fragments come one after the other.
      assertEquals(begun.keySet().iterator().next(), f.messageId());
    }
    int offset;
    if (d.beginning()) {
      assertTrue(f.expiresAt() > now, "a dead message does not begin");
      offset = 0;
      Long other = begunOnStream.get(d.streamId());
      assertNull(other, "a stream finishes a message before it begins the next");
      assertEquals(0, interleaved ? d.fsn() : 0);
    } else {
      Integer produced = begun.get(f.messageId());
      assertTrue(produced != null, "a middle or last fragment follows its message's first");
      offset = produced;
    }
    for (int i = 0; i < d.length(); i++) {
      assertEquals(contentAt(offset + i), d.payload()[i], "the next slice of the message");
    }
    if (d.end()) {
      begun.remove(f.messageId());
      begunOnStream.remove(d.streamId());
    } else {
      begun.put(f.messageId(), offset + d.length());
      begunOnStream.put(d.streamId(), f.messageId());
    }
  }
}
