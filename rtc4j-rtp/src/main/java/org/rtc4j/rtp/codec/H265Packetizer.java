package org.rtc4j.rtp.codec;

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
    for (byte[] unit : units) {
      if (unit.length < 2) {
        throw new IllegalArgumentException("NAL unit shorter than its header");
      }
    }
    return NalUnitPacking.pack(units, maxPayloadSize, true, FORMAT);
  }

  private static final NalUnitPacking.Format FORMAT =
      new NalUnitPacking.Format() {
        @Override
        public int aggregationHeaderLength() {
          return 2;
        }

        @Override
        public byte[] aggregationHeader(List<byte[]> units) {
          // RFC 7798 §4.4.2: F is 1 if any unit's is; LayerId and TID are the units' lowest.
          int f = 0;
          int layerId = 63;
          int tid = 7;
          for (byte[] unit : units) {
            int header = ((unit[0] & 0xFF) << 8) | (unit[1] & 0xFF);
            f |= header & 0x8000;
            layerId = Math.min(layerId, (header >>> 3) & 0x3F);
            tid = Math.min(tid, header & 0x07);
          }
          int header = f | (AP << 9) | (layerId << 3) | tid;
          return new byte[] {(byte) (header >>> 8), (byte) header};
        }

        @Override
        public void fragment(byte[] unit, int maxPayloadSize, List<byte[]> payloads) {
          fragmentFu(unit, maxPayloadSize, payloads);
        }
      };

  /**
   * RFC 7798 §4.4.3: an FU for each piece of the unit's payload after its 2-byte header; the
   * payload header is the unit's with the type 49, the FU header carries S, E and the unit's type.
   */
  private static void fragmentFu(byte[] unit, int maxPayloadSize, List<byte[]> payloads) {
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
