package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * AV1 (the AV1 RTP payload format, AOMedia av1-rtp-spec): splits a temporal unit into OBU elements,
 * each an OBU without its obu_size field (§4.5: obu_has_size_field SHOULD be 0), packed into
 * payloads after a one-byte aggregation header (§4.4). OBUs that fit share a payload; one that does
 * not is split into fragments (Z and Y). A payload of up to three elements omits the last element's
 * length (W is the count); one of more gives every length (W=0).
 *
 * <p>Temporal delimiter and tile list OBUs are left out (§5). OBUs of different layers (their
 * extension headers' temporal_id and spatial_id) never share a payload (§5). N=1 marks the first
 * payload of a temporal unit with a sequence header OBU, which this takes for the start of a coded
 * video sequence: encoders send the sequence header with keyframes. It keeps no state.
 */
public final class Av1Packetizer implements Packetizer {
  /** AV1 specification §6.2.2, obu_type. */
  static final int OBU_SEQUENCE_HEADER = 1;

  static final int OBU_TEMPORAL_DELIMITER = 2;
  static final int OBU_TILE_LIST = 8;

  /** A packetizer; it keeps no state. */
  public Av1Packetizer() {}

  /** One OBU as an element: its header without obu_has_size_field, then its payload. */
  private record Element(byte[] bytes, int layer, int type) {}

  /**
   * @param frame a temporal unit in the low-overhead bitstream format (AV1 specification §5.2):
   *     OBUs one after another, each with obu_has_size_field=1 except perhaps the last, which then
   *     runs to the end
   * @throws IllegalArgumentException if the OBUs are malformed or there are none to send, or {@code
   *     maxPayloadSize} is under 2
   */
  @Override
  public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
    if (maxPayloadSize < 2) {
      throw new IllegalArgumentException("payload size too small: " + maxPayloadSize);
    }
    List<Element> elements = elements(frame);
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("no OBU to send in the temporal unit");
    }
    boolean newSequence = false;
    for (Element e : elements) {
      newSequence |= e.type() == OBU_SEQUENCE_HEADER;
    }
    int capacity = maxPayloadSize - 1; // after the aggregation header
    List<byte[]> payloads = new ArrayList<>();
    int index = 0; // the element being sent
    int offset = 0; // how much of it was sent already
    while (index < elements.size()) {
      boolean continuation = offset > 0;
      List<int[]> parts = new ArrayList<>(); // {element index, offset, length}
      int used = 0; // bytes after the aggregation header, counting every length field
      int layer = -1;
      while (index < elements.size()) {
        Element e = elements.get(index);
        if (!parts.isEmpty() && e.layer() >= 0 && layer >= 0 && e.layer() != layer) {
          break; // §5: one layer per packet
        }
        int left = e.bytes().length - offset;
        int room = capacity - used;
        boolean whole = Leb128.size(left) + left <= room;
        boolean wholeAsLast = !whole && parts.size() < 3 && left <= room;
        if (!whole && !wholeAsLast) {
          // A fragment: as the last of at most three elements, without a length; else with one.
          int n = parts.size() < 3 ? room : fragmentWithLength(room);
          if (n > 0) {
            parts.add(new int[] {index, offset, n});
            offset += n;
          }
          break;
        }
        parts.add(new int[] {index, offset, left});
        used += whole ? Leb128.size(left) + left : left;
        layer = Math.max(layer, e.layer());
        index++;
        offset = 0;
        if (wholeAsLast) {
          break; // its length is implicit, so nothing may follow it
        }
      }
      payloads.add(
          write(elements, parts, continuation, offset > 0, newSequence && payloads.isEmpty()));
    }
    return payloads;
  }

  /** The largest fragment n whose length field and bytes fit in {@code room}. */
  private static int fragmentWithLength(int room) {
    int n = room - Leb128.size(room);
    while (n > 0 && Leb128.size(n) + n > room) {
      n--;
    }
    return n;
  }

  private static byte[] write(
      List<Element> elements, List<int[]> parts, boolean z, boolean y, boolean n) {
    int w = parts.size() <= 3 ? parts.size() : 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // §4.4: |Z|Y| W |N|-|-|-|
    out.write((z ? 0x80 : 0) | (y ? 0x40 : 0) | (w << 4) | (n ? 0x08 : 0));
    for (int i = 0; i < parts.size(); i++) {
      int[] part = parts.get(i);
      if (w == 0 || i < parts.size() - 1) {
        Leb128.write(out, part[2]);
      }
      out.write(elements.get(part[0]).bytes(), part[1], part[2]);
    }
    return out.toByteArray();
  }

  /** The OBUs of the temporal unit as elements, without temporal delimiters and tile lists. */
  private static List<Element> elements(byte[] frame) {
    List<Element> out = new ArrayList<>();
    ByteReader in = new ByteReader(frame);
    try {
      while (in.hasRemaining()) {
        int start = in.position();
        // AV1 specification §5.3.2: forbidden(1) type(4) extension_flag(1) has_size_field(1)
        // reserved(1), then temporal_id(3) spatial_id(2) reserved(3) with the extension flag.
        int header = in.u8();
        if ((header & 0x80) != 0) {
          throw new IllegalArgumentException("obu_forbidden_bit set at " + start);
        }
        int type = (header >>> 3) & 0x0F;
        int extension = (header & 0x04) != 0 ? in.u8() : -1;
        int size = (header & 0x02) != 0 ? Leb128.read(in) : in.remaining();
        in.require(size, "OBU payload");
        ByteArrayOutputStream element = new ByteArrayOutputStream(2 + size);
        element.write(header & ~0x02);
        if (extension >= 0) {
          element.write(extension);
        }
        element.write(frame, in.arrayPosition(), size);
        in.skip(size);
        if (type != OBU_TEMPORAL_DELIMITER && type != OBU_TILE_LIST) {
          out.add(new Element(element.toByteArray(), extension >= 0 ? extension >>> 3 : -1, type));
        }
      }
    } catch (ParseException e) {
      throw new IllegalArgumentException("malformed temporal unit: " + e.getMessage(), e);
    }
    return out;
  }
}
