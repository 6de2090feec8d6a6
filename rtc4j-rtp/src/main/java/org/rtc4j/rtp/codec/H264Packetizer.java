package org.rtc4j.rtp.codec;

import java.util.List;
import org.rtc4j.common.ByteWriter;

/**
 * H.264 (RFC 6184): splits an access unit, an Annex B byte stream, into its NAL units and sends
 * them in packetization mode 0 or 1 (RFC 6184 §6.2, §6.3).
 *
 * <ul>
 *   <li>Mode 0 sends each NAL unit in its own packet, a single NAL unit packet (RFC 6184 §5.6); a
 *       NAL unit larger than the payload size cannot be sent.
 *   <li>Mode 1 also puts consecutive NAL units that fit together into one STAP-A (RFC 6184 §5.7.1),
 *       typically the SPS and PPS before a keyframe's slices, and splits a NAL unit larger than the
 *       payload size into FU-As (RFC 6184 §5.8).
 * </ul>
 *
 * <p>The NAL units are sent in decoding order, as they come (RFC 6184 §5.5). It keeps no state.
 */
public final class H264Packetizer implements Packetizer {
  /** RFC 6184 §5.4: the NAL unit type of a STAP-A. */
  static final int STAP_A = 24;

  /** RFC 6184 §5.4: the NAL unit type of an FU-A. */
  static final int FU_A = 28;

  private final int packetizationMode;

  /**
   * A packetizer for {@code packetizationMode}, the SDP parameter of that name (RFC 6184 §8.1).
   *
   * @throws IllegalArgumentException unless it is 0 or 1 (mode 2, interleaved, is not supported)
   */
  public H264Packetizer(int packetizationMode) {
    if (packetizationMode != 0 && packetizationMode != 1) {
      throw new IllegalArgumentException(
          "packetization-mode " + packetizationMode + " is not supported; only 0 and 1 are");
    }
    this.packetizationMode = packetizationMode;
  }

  /** The packetization mode, 0 or 1. */
  public int packetizationMode() {
    return packetizationMode;
  }

  /**
   * @param frame an access unit as an Annex B byte stream (start codes before NAL units)
   * @throws IllegalArgumentException if it has no NAL unit, or in mode 0 a NAL unit is larger than
   *     {@code maxPayloadSize}, or in mode 1 {@code maxPayloadSize} is under 3 bytes and a NAL unit
   *     needs fragmenting
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    List<byte[]> units = AnnexB.split(frame);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no NAL unit in the frame");
    }
    if (packetizationMode == 0) {
      for (byte[] unit : units) {
        if (unit.length > maxPayloadSize) {
          throw new IllegalArgumentException(
              "NAL unit of "
                  + unit.length
                  + " bytes exceeds the payload size "
                  + maxPayloadSize
                  + " in packetization-mode 0");
        }
      }
    }
    return NalUnitPacking.pack(units, maxPayloadSize, packetizationMode == 1, FORMAT);
  }

  private static final NalUnitPacking.Format FORMAT =
      new NalUnitPacking.Format() {
        @Override
        public int aggregationHeaderLength() {
          return 1;
        }

        @Override
        public byte[] aggregationHeader(List<byte[]> units) {
          // RFC 6184 §5.7.1: F is 1 if any unit's F is; NRI is the largest of the units' NRI.
          int f = 0;
          int nri = 0;
          for (byte[] unit : units) {
            f |= unit[0] & 0x80;
            nri = Math.max(nri, unit[0] & 0x60);
          }
          return new byte[] {(byte) (f | nri | STAP_A)};
        }

        @Override
        public void fragment(byte[] unit, int maxPayloadSize, List<byte[]> payloads) {
          fragmentFuA(unit, maxPayloadSize, payloads);
        }
      };

  /** RFC 6184 §5.8: an FU-A for each piece of the unit's payload, after its one-byte header. */
  private static void fragmentFuA(byte[] unit, int maxPayloadSize, List<byte[]> payloads) {
    int room = maxPayloadSize - 2;
    if (room <= 0) {
      throw new IllegalArgumentException("payload size too small for an FU-A: " + maxPayloadSize);
    }
    int header = unit[0] & 0xFF;
    int indicator = (header & 0xE0) | FU_A;
    int type = header & 0x1F;
    for (int at = 1; at < unit.length; at += room) {
      int n = Math.min(room, unit.length - at);
      boolean start = at == 1;
      boolean end = at + n == unit.length;
      ByteWriter out = ByteWriter.growable(2 + n, 2 + n);
      out.u8(indicator).u8((start ? 0x80 : 0) | (end ? 0x40 : 0) | type).bytes(unit, at, n);
      payloads.add(out.toByteArray());
    }
  }
}
