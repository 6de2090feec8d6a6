package org.rtc4j.dtls.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtc4j.dtls.handshake.HandshakeReassembler.Message;
import org.rtc4j.dtls.handshake.HandshakeReassembler.Result;

class HandshakeReassemblerTest {

  private static HandshakeFragment fragment(int seq, byte[] body, int off, int len) {
    return new HandshakeFragment(
        1, body.length, seq, off, Arrays.copyOfRange(body, off, off + len));
  }

  private static byte[] body(int n, int seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @Test
  void reassemblesShuffledOverlappingDuplicatedFragments() {
    byte[] body = body(1413, 1);
    List<HandshakeFragment> parts = new ArrayList<>();
    for (int off = 0; off < body.length; off += 100) {
      parts.add(fragment(0, body, off, Math.min(150, body.length - off)));
    }
    parts.addAll(parts.subList(0, 5));
    Collections.shuffle(parts, new Random(7));
    HandshakeReassembler r = new HandshakeReassembler(1 << 16, 8);
    for (int i = 0; i < parts.size(); i++) {
      assertEquals(Result.ACCEPTED, r.add(parts.get(i), 0));
      if (i < parts.size() - 1) {
        // Incomplete until the last piece in, unless coverage finished early.
        Message m = r.poll();
        if (m != null) {
          assertArrayEquals(body, m.body());
          return;
        }
      }
    }
    Message m = r.poll();
    assertNotNull(m);
    assertArrayEquals(body, m.body());
    assertEquals(0, m.messageSeq());
    assertEquals(1, r.nextSeq());
  }

  @Test
  void deliversInOrderAndFlagsDuplicates() {
    HandshakeReassembler r = new HandshakeReassembler(1 << 16, 8);
    byte[] a = body(10, 2);
    byte[] b = body(0, 3);
    assertEquals(Result.ACCEPTED, r.add(fragment(1, b, 0, 0), 0));
    assertNull(r.poll(), "message 1 waits for message 0");
    assertEquals(Result.ACCEPTED, r.add(fragment(0, a, 0, 10), 0));
    assertEquals(0, r.poll().messageSeq());
    assertEquals(1, r.poll().messageSeq());
    assertNull(r.poll());
    assertEquals(Result.DUPLICATE, r.add(fragment(0, a, 0, 10), 0));
  }

  @Test
  void boundsWhatItKeeps() {
    HandshakeReassembler r = new HandshakeReassembler(1000, 4);
    assertEquals(Result.OUT_OF_WINDOW, r.add(fragment(4, body(10, 4), 0, 10), 0));
    assertEquals(Result.INCONSISTENT, r.add(fragment(0, body(1001, 5), 0, 10), 0));
    assertEquals(Result.ACCEPTED, r.add(fragment(0, body(20, 6), 0, 10), 0));
    assertEquals(Result.INCONSISTENT, r.add(fragment(0, body(30, 6), 0, 10), 0), "another length");
    assertEquals(Result.INCONSISTENT, r.add(fragment(0, body(20, 6), 10, 10), 1), "another epoch");
    r.reset(3);
    assertEquals(Result.DUPLICATE, r.add(fragment(2, body(5, 7), 0, 5), 0));
    assertEquals(3, r.nextSeq());
  }
}
