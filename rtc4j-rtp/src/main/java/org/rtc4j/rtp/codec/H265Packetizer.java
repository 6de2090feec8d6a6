package org.rtc4j.rtp.codec;

import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteWriter;

/**
 * H.265 (RFC 7798): splits an access unit, an Annex B byte stream, into its NAL units and sends
 * each in a single NAL unit packet (RFC 7798 §4.4.1), consecutive ones that fit together in an
 * aggregation packet (AP, §4.4.2), typically the VPS, SPS and PPS before a keyframe, and one larger
 * than the payload size in fragmentation units (FU, §4.4.3).
 *
 * <p>It writes no DONL or DOND fields: they are there only with sprop-max-don-diff above 0 (RFC
 * 7798 §7.1), which WebRTC does not use. It keeps no state.
 */
public final class H265Packetizer implements Packetizer {
  /** RFC 7798 §4.4.2: the type of an aggregation packet. */
  static final int AP = 48;

  /** RFC 7798 §4.4.3: the type of a fragmentation unit. */
  static final int FU = 49;

  /** RFC 7798 §4.4.4: the type of a PACI packet. */
  static final int PACI = 50;

  /** A packetizer; it keeps no state. */
  public H265Packetizer() {}

  /**
   * @param frame an access unit as an Annex B byte stream (start codes before NAL units)
   * @throws IllegalArgumentException if it has no NAL unit or one shorter than its 2-byte header,
   *     or {@code maxPayloadSize} is under 4 bytes and a NAL unit needs fragmenting
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    List<byte[]> units = AnnexB.split(frame);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no NAL unit in the frame");
    }
    List<byte[]> payloads = new ArrayList<>();
    List<byte[]> pending = new ArrayList<>();
    int pendingSize = 2; // the AP's payload header
    for (byte[] unit : units) {
      if (unit.length < 2) {
        throw new IllegalArgumentException("NAL unit shorter than its header");
      }
      if (unit.length > maxPayloadSize) {
        flush(pending, payloads);
        pendingSize = 2;
        fragment(unit, maxPayloadSize, payloads);
        continue;
      }
      if (!pending.isEmpty()
          && pendingSize + 2 + unit.length <= maxPayloadSize
          && unit.length <= 0xFFFF) {
        pending.add(unit);
        pendingSize += 2 + unit.length;
        continue;
      }
      flush(pending, payloads);
      pending.add(unit);
      pendingSize = 2 + 2 + unit.length;
    }
    flush(pending, payloads);
    return payloads;
  }

  /** Sends the NAL units gathered so far: alone as a single NAL unit packet, or as an AP. */
  private static void flush(List<byte[]> pending, List<byte[]> payloads) {
    if (pending.size() == 1) {
      payloads.add(pending.get(0));
    } else if (pending.size() > 1) {
      // RFC 7798 §4.4.2: F is 1 if any unit's is; LayerId and TID are the units' lowest.
      int f = 0;
      int layerId = 63;
      int tid = 7;
      int size = 2;
      for (byte[] unit : pending) {
        int header = ((unit[0] & 0xFF) << 8) | (unit[1] & 0xFF);
        f |= header & 0x8000;
        layerId = Math.min(layerId, (header >>> 3) & 0x3F);
        tid = Math.min(tid, header & 0x07);
        size += 2 + unit.length;
      }
      ByteWriter out = ByteWriter.growable(size, size);
      out.u16(f | (AP << 9) | (layerId << 3) | tid);
      for (byte[] unit : pending) {
        out.u16(unit.length).bytes(unit);
      }
      payloads.add(out.toByteArray());
    }
    pending.clear();
  }

  /**
   * RFC 7798 §4.4.3: an FU for each piece of the unit's payload after its 2-byte header; the
   * payload header is the unit's with the type 49, the FU header carries S, E and the unit's type.
   */
  private static void fragment(byte[] unit, int maxPayloadSize, List<byte[]> payloads) {
    int room = maxPayloadSize - 3;
    if (room <= 0) {
      throw new IllegalArgumentException("payload size too small for an FU: " + maxPayloadSize);
    }
    int header = ((unit[0] & 0xFF) << 8) | (unit[1] & 0xFF);
    int type = (header >>> 9) & 0x3F;
    int payloadHeader = (header & 0x81FF) | (FU << 9);
    for (int at = 2; at < unit.length; at += room) {
      int n = Math.min(room, unit.length - at);
      boolean start = at == 2;
      boolean end = at + n == unit.length;
      ByteWriter out = ByteWriter.growable(3 + n, 3 + n);
      out.u16(payloadHeader).u8((start ? 0x80 : 0) | (end ? 0x40 : 0) | type).bytes(unit, at, n);
      payloads.add(out.toByteArray());
    }
  }
}
