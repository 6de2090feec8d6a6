package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Annex B byte stream of H.264 and H.265 (ITU-T H.264 Annex B, H.265 Annex B): NAL units, each
 * after a start code, 0x000001, or 0x00000001 with its leading zero byte.
 */
final class AnnexB {
  /** The start code written before each NAL unit: zero_byte and start_code_prefix_one_3bytes. */
  private static final byte[] START_CODE = {0, 0, 0, 1};

  private AnnexB() {}

  /**
   * The NAL units of {@code stream}, each without its start code and without the zero bytes that
   * trail it (H.264 B.2: a NAL unit never ends in a zero byte, so they are trailing_zero_8bits or
   * the next start code's zero_byte). Bytes before the first start code, if any are not zero, are a
   * NAL unit too, so a lone NAL unit without a start code passes as itself. Empty NAL units are
   * left out.
   */
  static List<byte[]> split(byte[] stream) {
    List<byte[]> units = new ArrayList<>();
    int unitStart = 0;
    int i = 0;
    while (i + 2 < stream.length) {
      if ((stream[i + 2] & 0xFF) > 1) {
        i += 3; // no start code can cover i, i+1 or i+2
      } else if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
        add(units, stream, unitStart, i);
        i += 3;
        unitStart = i;
      } else {
        i++;
      }
    }
    add(units, stream, unitStart, stream.length);
    return units;
  }

  private static void add(List<byte[]> units, byte[] stream, int from, int to) {
    while (to > from && stream[to - 1] == 0) {
      to--;
    }
    if (to > from) {
      units.add(Arrays.copyOfRange(stream, from, to));
    }
  }

  /** Writes a start code and then {@code data[offset, offset + length)}. */
  static void writeUnit(ByteArrayOutputStream out, byte[] data, int offset, int length) {
    out.write(START_CODE, 0, START_CODE.length);
    out.write(data, offset, length);
  }

  /** Writes a start code alone, before a NAL unit written in pieces. */
  static void writeStartCode(ByteArrayOutputStream out) {
    out.write(START_CODE, 0, START_CODE.length);
  }
}
