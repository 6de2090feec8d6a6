package org.rtc4j.sctp.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;
import org.rtc4j.sctp.common.Data;

/** Property tests: QuickTheories with a fixed seed, so every run checks the same cases. */
class SendQueuePropertyTest {
  static final long SEED = 0x5EED_2026L;
  static final int STREAMS = 4;
  static final int MAX_LENGTH = 4000;

  /** One message to send: which stream, how long, ordered or not, decoded from one integer. */
  record Message(int stream, int length, boolean unordered, int index) {
    static Message decode(int spec, int index) {
      return new Message(
          spec / MAX_LENGTH % STREAMS, spec % MAX_LENGTH + 1, spec >= MAX_LENGTH * STREAMS, index);
    }

    byte[] payload() {
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        bytes[i] = (byte) (i * 7 + index * 13);
      }
      return bytes;
    }
  }

  @Test
  void theFragmentsOfEachMessageGiveBackTheMessageWhateverTheirSizes() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(
            booleans().all(),
            lists().of(integers().between(0, 2 * MAX_LENGTH * STREAMS - 1)).ofSizeBetween(1, 40),
            lists().of(integers().between(1, 1500)).ofSizeBetween(1, 8),
            integers().between(0, 30))
        .checkAssert(SendQueuePropertyTest::roundTrip);
  }

  static void roundTrip(
      boolean interleaved, List<Integer> specs, List<Integer> maxPayloads, int earlyFragments) {
    SendQueue queue = new SendQueue(interleaved, 1L << 30);
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      messages.add(Message.decode(specs.get(i), i));
    }
    List<OutgoingFragment> out = new ArrayList<>();
    List<Integer> limits = new ArrayList<>();
    int half = messages.size() / 2;
    for (Message m : messages.subList(0, half)) {
      add(queue, m);
    }
    produce(queue, maxPayloads, earlyFragments, out, limits);
    for (Message m : messages.subList(half, messages.size())) {
      add(queue, m);
    }
    produce(queue, maxPayloads, Integer.MAX_VALUE, out, limits);

    assertTrue(queue.isEmpty());
    assertEquals(0, queue.totalBufferedAmount());

    // Group the fragments by message, in the order their messages began.
    Map<Long, List<OutgoingFragment>> byMessage = new LinkedHashMap<>();
    Map<Long, Integer> firstPosition = new HashMap<>();
    for (int i = 0; i < out.size(); i++) {
      OutgoingFragment f = out.get(i);
      assertTrue(f.data().length() >= 1 && f.data().length() <= limits.get(i), "fits the call");
      byMessage.computeIfAbsent(f.messageId(), id -> new ArrayList<>()).add(f);
      firstPosition.putIfAbsent(f.messageId(), i);
    }
    assertEquals(messages.size(), byMessage.size(), "each message goes out, under its own id");

    // Per stream, messages begin in the order they were added, and each is given back exactly.
    List<List<Message>> sentPerStream = new ArrayList<>();
    List<List<List<OutgoingFragment>>> gotPerStream = new ArrayList<>();
    for (int s = 0; s < STREAMS; s++) {
      sentPerStream.add(new ArrayList<>());
      gotPerStream.add(new ArrayList<>());
    }
    for (Message m : messages) {
      sentPerStream.get(m.stream()).add(m);
    }
    for (List<OutgoingFragment> fragments : byMessage.values()) {
      gotPerStream.get(fragments.get(0).data().streamId()).add(fragments);
    }
    for (int s = 0; s < STREAMS; s++) {
      List<Message> sent = sentPerStream.get(s);
      List<List<OutgoingFragment>> got = gotPerStream.get(s);
      assertEquals(sent.size(), got.size());
      int ordered = 0;
      int unordered = 0;
      for (int k = 0; k < sent.size(); k++) {
        Message m = sent.get(k);
        List<OutgoingFragment> fragments = got.get(k);
        assertArrayEquals(m.payload(), concatenate(fragments), "message " + m);
        checkFragments(interleaved, m, fragments, firstPosition, out);
        Data first = fragments.get(0).data();
        if (interleaved) {
          assertEquals(m.unordered() ? unordered++ : ordered++, first.mid(), "MID sequences");
        } else {
          assertEquals(m.unordered() ? 0 : ordered++, first.ssn(), "SSN sequence");
        }
      }
    }
  }

  static void checkFragments(
      boolean interleaved,
      Message m,
      List<OutgoingFragment> fragments,
      Map<Long, Integer> firstPosition,
      List<OutgoingFragment> out) {
    int n = fragments.size();
    for (int j = 0; j < n; j++) {
      Data d = fragments.get(j).data();
      assertEquals(j == 0, d.beginning());
      assertEquals(j == n - 1, d.end());
      assertEquals(m.unordered(), d.unordered());
      assertEquals(fragments.get(0).data().ssn(), d.ssn());
      assertEquals(fragments.get(0).data().mid(), d.mid());
      if (interleaved) {
        assertEquals(j, d.fsn());
        assertEquals(j == 0 ? 7 : 0, d.ppid());
      } else {
        assertEquals(7, d.ppid());
        // RFC 9260 §6.9: a message's fragments go out one after the other.
        assertEquals(
            fragments.get(j), out.get(firstPosition.get(fragments.get(0).messageId()) + j));
      }
    }
  }

  static void add(SendQueue queue, Message m) {
    SendOptions options = m.unordered() ? SendOptions.unorderedReliable() : SendOptions.RELIABLE;
    assertEquals(SendStatus.QUEUED, queue.add(0, m.stream(), 7, m.payload(), options));
  }

  static void produce(
      SendQueue queue,
      List<Integer> maxPayloads,
      int count,
      List<OutgoingFragment> out,
      List<Integer> limits) {
    for (int i = 0; i < count; i++) {
      int limit = maxPayloads.get(out.size() % maxPayloads.size());
      OutgoingFragment f = queue.produce(0, limit);
      if (f == null) {
        return;
      }
      out.add(f);
      limits.add(limit);
    }
  }

  static byte[] concatenate(List<OutgoingFragment> fragments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (OutgoingFragment f : fragments) {
      out.writeBytes(f.data().payload());
    }
    return out.toByteArray();
  }
}
