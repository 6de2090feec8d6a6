package org.rtc4j.rtp.codec;

import java.util.ArrayList;
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
    List<byte[]> payloads = new ArrayList<>();
    List<byte[]> pending = new ArrayList<>();
    int pendingSize = 1; // the STAP-A NAL unit header
    for (byte[] unit : units) {
      if (unit.length > maxPayloadSize) {
        if (packetizationMode == 0) {
          throw new IllegalArgumentException(
              "NAL unit of "
                  + unit.length
                  + " bytes exceeds the payload size "
                  + maxPayloadSize
                  + " in packetization-mode 0");
        }
        flush(pending, payloads);
        pendingSize = 1;
        fragment(unit, maxPayloadSize, payloads);
        continue;
      }
      if (packetizationMode == 1
          && !pending.isEmpty()
          && pendingSize + 2 + unit.length <= maxPayloadSize
          && unit.length <= 0xFFFF) {
        pending.add(unit);
        pendingSize += 2 + unit.length;
        continue;
      }
      flush(pending, payloads);
      pending.add(unit);
      pendingSize = 1 + 2 + unit.length;
    }
    flush(pending, payloads);
    return payloads;
  }

  /** Sends the NAL units gathered so far: alone as a single NAL unit packet, or as a STAP-A. */
  private static void flush(List<byte[]> pending, List<byte[]> payloads) {
    if (pending.size() == 1) {
      payloads.add(pending.get(0));
    } else if (pending.size() > 1) {
      // RFC 6184 §5.7.1: F is 1 if any unit's F is; NRI is the largest of the units' NRI.
      int f = 0;
      int nri = 0;
      int size = 1;
      for (byte[] unit : pending) {
        f |= unit[0] & 0x80;
        nri = Math.max(nri, unit[0] & 0x60);
        size += 2 + unit.length;
      }
      ByteWriter out = ByteWriter.growable(size, size);
      out.u8(f | nri | STAP_A);
      for (byte[] unit : pending) {
        out.u16(unit.length).bytes(unit);
      }
      payloads.add(out.toByteArray());
    }
    pending.clear();
  }

  /** RFC 6184 §5.8: an FU-A for each piece of the unit's payload, after its one-byte header. */
  private static void fragment(byte[] unit, int maxPayloadSize, List<byte[]> payloads) {
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
