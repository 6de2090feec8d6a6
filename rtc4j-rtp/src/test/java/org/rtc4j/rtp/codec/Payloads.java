package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.Hex;

/** What the codec tests share: random frames, and the checks every depacketizer must pass. */
final class Payloads {
  /** The tests' payload size: a 1200-byte MTU's worth. */
  static final int MTU = 1200;

  private Payloads() {}

  /** A random length from 1 byte to 100 KB, most of them small, some just around the MTU. */
  static int frameLength(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1 + random.nextInt(100);
      case 1 -> MTU - 20 + random.nextInt(40);
      case 2 -> 1 + random.nextInt(10_000);
      default -> 1 + random.nextInt(100_000);
    };
  }

  static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  /** Checks that every payload fits and, if {@code maxPayloadSize} allows, none is empty. */
  static void assertFit(List<byte[]> payloads, int maxPayloadSize) {
    assertTrue(!payloads.isEmpty(), "no payloads");
    for (byte[] payload : payloads) {
      assertTrue(
          payload.length <= maxPayloadSize && payload.length > 0,
          "payload of " + payload.length + " bytes, max " + maxPayloadSize);
    }
  }

  /**
   * Checks what a depacketizer says of a frame's payloads: the first can start a frame, each one's
   * frame-end answer follows {@code endsWithMarker} (the marker on the last payload only), and the
   * answers do not depend on where the payload sits in its array.
   */
  static void assertFrameBoundaries(
      Depacketizer depacketizer, List<byte[]> payloads, boolean everyPayloadEnds)
      throws ParseException {
    assertTrue(at(depacketizer, payloads.get(0)).start, "the first payload cannot start a frame");
    for (int i = 0; i < payloads.size(); i++) {
      boolean last = i == payloads.size() - 1;
      byte[] payload = payloads.get(i);
      assertEquals(
          everyPayloadEnds || last,
          depacketizer.isFrameEnd(payload, 0, payload.length, last),
          "frame end of payload " + i);
    }
  }

  /** What a depacketizer says of one payload. */
  record Answers(boolean start, boolean keyframe) {}

  /**
   * What {@code depacketizer} says of {@code payload}, read at offset 0 and again at offset 5 of a
   * larger array: both must say the same.
   */
  static Answers at(Depacketizer depacketizer, byte[] payload) throws ParseException {
    boolean start = depacketizer.isFrameStart(payload, 0, payload.length);
    boolean keyframe = depacketizer.isKeyframe(payload, 0, payload.length);
    byte[] larger = new byte[payload.length + 9];
    Arrays.fill(larger, (byte) 0xA5);
    System.arraycopy(payload, 0, larger, 5, payload.length);
    assertEquals(start, depacketizer.isFrameStart(larger, 5, payload.length), "start at offset");
    assertEquals(keyframe, depacketizer.isKeyframe(larger, 5, payload.length), "key at offset");
    return new Answers(start, keyframe);
  }

  /**
   * Cuts each payload of a frame short, at every length, and checks that the depacketizer either
   * copes or throws {@link ParseException}, never anything else. Returns how many of the cut frames
   * it refused.
   */
  static int everyTruncation(Depacketizer depacketizer, List<byte[]> payloads) {
    int refused = 0;
    for (int i = 0; i < payloads.size(); i++) {
      byte[] payload = payloads.get(i);
      for (int length = 0; length < payload.length; length++) {
        byte[] cut = Arrays.copyOf(payload, length);
        List<byte[]> frame = new ArrayList<>(payloads);
        frame.set(i, cut);
        refused += onlyParseException(depacketizer, frame, cut) ? 1 : 0;
      }
      // And the frame without this payload at all.
      List<byte[]> without = new ArrayList<>(payloads);
      without.remove(i);
      onlyParseException(depacketizer, without, payload);
    }
    return refused;
  }

  /**
   * Runs every method of {@code depacketizer} on {@code frame} and {@code payload}; returns whether
   * {@code depacketize} refused the frame. Anything but {@link ParseException} fails the test.
   */
  static boolean onlyParseException(Depacketizer depacketizer, List<byte[]> frame, byte[] payload) {
    try {
      depacketizer.isFrameStart(payload, 0, payload.length);
    } catch (ParseException e) {
      // refused: fine
    } catch (RuntimeException e) {
      fail("isFrameStart threw " + e + " for " + Hex.hex(payload), e);
    }
    try {
      depacketizer.isFrameEnd(payload, 0, payload.length, true);
    } catch (ParseException e) {
      // refused: fine
    } catch (RuntimeException e) {
      fail("isFrameEnd threw " + e + " for " + Hex.hex(payload), e);
    }
    try {
      depacketizer.isKeyframe(payload, 0, payload.length);
    } catch (ParseException e) {
      // refused: fine
    } catch (RuntimeException e) {
      fail("isKeyframe threw " + e + " for " + Hex.hex(payload), e);
    }
    try {
      depacketizer.depacketize(frame);
      return false;
    } catch (ParseException e) {
      return true;
    } catch (RuntimeException e) {
      throw new AssertionError("depacketize threw " + e, e);
    }
  }
}
