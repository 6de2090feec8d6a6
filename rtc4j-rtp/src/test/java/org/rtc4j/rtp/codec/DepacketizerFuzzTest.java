package org.rtc4j.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ParseException;

/**
 * Jazzer fuzz targets, one per depacketizer. Without {@code JAZZER_FUZZ} each runs as an ordinary
 * test over its seeds in {@code DepacketizerFuzzTestInputs/<method>/}. To fuzz one for real:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-rtp -am test \
 *     -Dtest='DepacketizerFuzzTest#vp8' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>The input is a frame's payloads, each as a 16-bit big-endian length and then its bytes; a last
 * length that overruns the input takes what is left. Each target checks that the depacketizer
 * throws only {@link ParseException}, and, where a depacketized frame can be packetized again, that
 * doing so gives back the same frame.
 */
class DepacketizerFuzzTest {

  @FuzzTest
  void opus(byte[] data) {
    byte[] frame = exercise(new OpusDepacketizer(), data);
    if (frame != null) {
      assertTrue(frame.length > 0);
      assertRepacketizes(new OpusPacketizer(), new OpusDepacketizer(), frame, 1500);
    }
  }

  @FuzzTest
  void sampleBased(byte[] data) {
    byte[] frame = exercise(new SampleBasedDepacketizer(), data);
    if (frame != null && frame.length > 0) {
      assertRepacketizes(
          SampleBasedPacketizer.g711(20), new SampleBasedDepacketizer(), frame, 1200);
    }
  }

  @FuzzTest
  void vp8(byte[] data) {
    byte[] frame = exercise(new Vp8Depacketizer(), data);
    if (frame != null) {
      assertRepacketizes(new Vp8Packetizer(0), new Vp8Depacketizer(), frame, 1200);
    }
  }

  @FuzzTest
  void h264(byte[] data) {
    exercise(new H264Depacketizer(), data);
  }

  @FuzzTest
  void vp9(byte[] data) {
    byte[] frame = exercise(new Vp9Depacketizer(), data);
    if (frame != null) {
      assertRepacketizes(new Vp9Packetizer(0), new Vp9Depacketizer(), frame, 1200);
    }
  }

  @FuzzTest
  void av1(byte[] data) {
    byte[] frame = exercise(new Av1Depacketizer(), data);
    if (frame != null && frame.length > 0) {
      assertRepacketizes(new Av1Packetizer(), new Av1Depacketizer(), frame, 1200);
    }
  }

  @FuzzTest
  void h265(byte[] data) {
    exercise(new H265Depacketizer(), data);
  }

  /** The payloads framed in {@code data} (see the class comment). */
  static List<byte[]> payloads(byte[] data) {
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    while (at < data.length) {
      int length = at + 1 < data.length ? ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF) : 0;
      at = Math.min(data.length, at + 2);
      length = Math.min(length, data.length - at);
      out.add(java.util.Arrays.copyOfRange(data, at, at + length));
      at += length;
    }
    return out;
  }

  /**
   * Runs every method of the depacketizer on the payloads in {@code data}; returns the frame, or
   * {@code null} if it was refused. Anything but {@link ParseException} fails.
   */
  static byte[] exercise(Depacketizer depacketizer, byte[] data) {
    List<byte[]> payloads = payloads(data);
    for (byte[] payload : payloads) {
      Payloads.onlyParseException(depacketizer, List.of(payload), payload);
    }
    try {
      return depacketizer.depacketize(payloads);
    } catch (ParseException e) {
      return null;
    }
  }

  /** Packetizing {@code frame} and depacketizing the payloads gives {@code frame} again. */
  static void assertRepacketizes(
      Packetizer packetizer, Depacketizer depacketizer, byte[] frame, int maxPayloadSize) {
    List<byte[]> payloads = packetizer.packetize(frame, maxPayloadSize);
    try {
      assertArrayEquals(frame, depacketizer.depacketize(payloads));
    } catch (ParseException e) {
      throw new AssertionError("cannot depacketize what was packetized", e);
    }
  }
}
