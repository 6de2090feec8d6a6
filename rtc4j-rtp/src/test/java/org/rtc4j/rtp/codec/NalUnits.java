package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random NAL units and access units for the H.264 and H.265 tests. */
final class NalUnits {
  private NalUnits() {}

  /**
   * A NAL unit: {@code header} and then a random body of about {@code bodyLength} bytes, with the
   * emulation prevention bytes a real encoder inserts (H.264 §7.4.1: no 0x000000 to 0x000003 inside
   * a unit) and a final non-zero byte (the RBSP stop bit), so that it survives Annex B framing.
   */
  static byte[] unit(SplittableRandom random, byte[] header, int bodyLength) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header, 0, header.length);
    int zeros = 0;
    for (int i = 0; i < bodyLength; i++) {
      // Many zeros, so that emulation prevention happens often.
      int b = random.nextInt(4) == 0 ? 0 : random.nextInt(256);
      if (zeros >= 2 && b <= 3) {
        out.write(3);
        zeros = 0;
      }
      out.write(b);
      zeros = b == 0 ? zeros + 1 : 0;
    }
    out.write(0x80);
    return out.toByteArray();
  }

  /** A random length for one NAL unit of an access unit: mostly small, some large. */
  static int bodyLength(SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> random.nextInt(8);
      case 1 -> random.nextInt(60);
      case 2 -> Payloads.MTU - 30 + random.nextInt(60);
      case 3 -> random.nextInt(5_000);
      default -> random.nextInt(50_000);
    };
  }

  /**
   * The units as an Annex B stream: each after a 3- or 4-byte start code, with now and then extra
   * zero bytes after a unit (trailing_zero_8bits).
   */
  static byte[] annexB(SplittableRandom random, List<byte[]> units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] unit : units) {
      if (random.nextBoolean()) {
        out.write(0);
      }
      out.write(0);
      out.write(0);
      out.write(1);
      out.write(unit, 0, unit.length);
      for (int zeros = random.nextInt(8) == 0 ? random.nextInt(4) : 0; zeros > 0; zeros--) {
        out.write(0);
      }
    }
    return out.toByteArray();
  }

  /** The units as the depacketizers write them: each after a 4-byte start code. */
  static byte[] canonical(List<byte[]> units) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] unit : units) {
      out.write(new byte[] {0, 0, 0, 1}, 0, 4);
      out.write(unit, 0, unit.length);
    }
    return out.toByteArray();
  }

  static List<byte[]> list() {
    return new ArrayList<>();
  }
}
