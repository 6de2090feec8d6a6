package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteWriter;

/**
 * What the H.264 and H.265 packetizers share: NAL units go out in decoding order, consecutive small
 * ones together in one aggregation packet (STAP-A, AP) while they fit, a unit alone in a single NAL
 * unit packet, and a unit larger than the payload size in fragments (FU-A, FU). The codec says how
 * its aggregation header and its fragments look.
 */
final class NalUnitPacking {

  /** The codec's own packet formats. */
  interface Format {
    /** Bytes of the aggregation packet's header: 1 for STAP-A, 2 for AP. */
    int aggregationHeaderLength();

    /** The aggregation packet's header over {@code units} (RFC 6184 §5.7.1, RFC 7798 §4.4.2). */
    byte[] aggregationHeader(List<byte[]> units);

    /** Adds the fragments of {@code unit}, each at most {@code maxPayloadSize} bytes. */
    void fragment(byte[] unit, int maxPayloadSize, List<byte[]> payloads);
  }

  private NalUnitPacking() {}

  /**
   * Packs {@code units} into payloads of at most {@code maxPayloadSize} bytes.
   *
   * @param aggregate whether small units may share an aggregation packet
   */
  static List<byte[]> pack(
      List<byte[]> units, int maxPayloadSize, boolean aggregate, Format format) {
    int headerLength = format.aggregationHeaderLength();
    List<byte[]> payloads = new ArrayList<>();
    List<byte[]> pending = new ArrayList<>();
    int pendingSize = headerLength;
    for (byte[] unit : units) {
      if (unit.length > maxPayloadSize) {
        flush(pending, payloads, format);
        pendingSize = headerLength;
        format.fragment(unit, maxPayloadSize, payloads);
        continue;
      }
      if (aggregate
          && !pending.isEmpty()
          && pendingSize + 2 + unit.length <= maxPayloadSize
          && unit.length <= 0xFFFF) {
        pending.add(unit);
        pendingSize += 2 + unit.length;
        continue;
      }
      flush(pending, payloads, format);
      pending.add(unit);
      pendingSize = headerLength + 2 + unit.length;
    }
    flush(pending, payloads, format);
    return payloads;
  }

  /** Sends the units gathered so far: alone as they are, or several after their 16-bit sizes. */
  private static void flush(List<byte[]> pending, List<byte[]> payloads, Format format) {
    if (pending.size() == 1) {
      payloads.add(pending.get(0));
    } else if (pending.size() > 1) {
      byte[] header = format.aggregationHeader(pending);
      int size = header.length;
      for (byte[] unit : pending) {
        size += 2 + unit.length;
      }
      ByteWriter out = ByteWriter.growable(size, size).bytes(header);
      for (byte[] unit : pending) {
        out.u16(unit.length).bytes(unit);
      }
      payloads.add(out.toByteArray());
    }
    pending.clear();
  }
}
