package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * AV1 (the AV1 RTP payload format, AOMedia av1-rtp-spec): reads each payload's aggregation header
 * and OBU elements (§4.4, §4.5), joins fragments, and writes the OBUs as a temporal unit in the
 * low-overhead bitstream format (AV1 specification §5.2): each OBU with obu_has_size_field=1 and
 * its obu_size. Temporal delimiter and tile list OBUs are dropped (§5: receivers ignore them); no
 * temporal delimiter is added.
 *
 * <p>Any payload whose first element is not a continuation (Z=0) starts at an OBU and can start a
 * frame. A frame is a keyframe if a payload has N=1 (the first packet of a coded video sequence) or
 * carries the start of a sequence header OBU.
 */
public final class Av1Depacketizer implements Depacketizer {
  private static final int OBU_SEQUENCE_HEADER = Av1Packetizer.OBU_SEQUENCE_HEADER;
  private static final int OBU_TEMPORAL_DELIMITER = Av1Packetizer.OBU_TEMPORAL_DELIMITER;
  private static final int OBU_TILE_LIST = Av1Packetizer.OBU_TILE_LIST;

  /** A depacketizer; it keeps no state. */
  public Av1Depacketizer() {}

  /**
   * @throws ParseException if a payload is malformed (an element's length overruns it, an element
   *     is empty, an OBU header is malformed), or the fragments do not join: a Z=1 payload that
   *     does not follow a Y=1 one, or a Y=1 payload with nothing after it
   */
  @Override
  public byte[] depacketize(List<byte[]> payloads) throws ParseException {
    if (payloads.isEmpty()) {
      throw new ParseException("no payloads", 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream fragment = new ByteArrayOutputStream();
    boolean open = false; // whether the previous payload's last element continues
    for (byte[] payload : payloads) {
      ByteReader in = new ByteReader(payload);
      int header = in.u8();
      boolean z = (header & 0x80) != 0;
      boolean y = (header & 0x40) != 0;
      if (z != open) {
        throw new ParseException(
            z ? "Z=1 without a fragment to continue" : "a fragment that does not continue", 0);
      }
      List<int[]> elements = elements(in, header);
      for (int i = 0; i < elements.size(); i++) {
        int at = elements.get(i)[0];
        int length = elements.get(i)[1];
        boolean last = i == elements.size() - 1;
        if (i == 0 && z) {
          fragment.write(payload, at, length);
          if (!(last && y)) {
            writeObu(out, fragment.toByteArray());
            fragment.reset();
          }
        } else if (last && y) {
          fragment.write(payload, at, length);
        } else {
          writeObu(out, payload, at, length);
        }
      }
      open = y;
    }
    if (open) {
      throw new ParseException(
          "the frame ends inside an OBU", payloads.get(payloads.size() - 1).length);
    }
    return out.toByteArray();
  }

  /**
   * The OBU elements after the aggregation header {@code header}, each as {offset in the array,
   * length}: with W = 0 each has a length field; with W from 1 to 3 there are exactly W and the
   * last has none, running to the end (§4.4). There is at least one, and none is empty.
   */
  private static List<int[]> elements(ByteReader in, int header) throws ParseException {
    int count = (header >>> 4) & 0x03;
    List<int[]> elements = new ArrayList<>(count == 0 ? 4 : count);
    do {
      if (count != 0 && elements.size() == count) {
        throw new ParseException("more than W=" + count + " OBU elements", in.position());
      }
      int length = count != 0 && elements.size() == count - 1 ? in.remaining() : Leb128.read(in);
      if (length == 0) {
        throw new ParseException("empty OBU element", in.position());
      }
      in.require(length, "OBU element");
      elements.add(new int[] {in.arrayPosition(), length});
      in.skip(length);
    } while (in.hasRemaining());
    if (count != 0 && elements.size() != count) {
      throw new ParseException(elements.size() + " OBU elements, W=" + count, in.position());
    }
    return elements;
  }

  private static void writeObu(ByteArrayOutputStream out, byte[] obu) throws ParseException {
    writeObu(out, obu, 0, obu.length);
  }

  /**
   * Writes the OBU in {@code data[offset, offset + length)} with obu_has_size_field=1 and its
   * obu_size, unless it is a temporal delimiter or a tile list.
   */
  private static void writeObu(ByteArrayOutputStream out, byte[] data, int offset, int length)
      throws ParseException {
    ByteReader in = new ByteReader(data, offset, length);
    int header = in.u8();
    if ((header & 0x80) != 0) {
      throw new ParseException("obu_forbidden_bit set", 0);
    }
    int extension = (header & 0x04) != 0 ? in.u8() : -1;
    int size = in.remaining();
    if ((header & 0x02) != 0) {
      // The sender kept obu_size: it must agree with the element.
      size = Leb128.read(in);
      if (size != in.remaining()) {
        throw new ParseException(
            "obu_size " + size + " but " + in.remaining() + " bytes in the element", 1);
      }
    }
    int type = (header >>> 3) & 0x0F;
    if (type == OBU_TEMPORAL_DELIMITER || type == OBU_TILE_LIST) {
      return;
    }
    out.write(header | 0x02);
    if (extension >= 0) {
      out.write(extension);
    }
    Leb128.write(out, size);
    out.write(data, in.arrayPosition(), size);
  }

  @Override
  public boolean isFrameStart(byte[] payload, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(payload, offset, length);
    int header = in.u8();
    elements(in, header);
    return (header & 0x80) == 0;
  }

  @Override
  public boolean isKeyframe(byte[] payload, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(payload, offset, length);
    int header = in.u8();
    boolean key = (header & 0x08) != 0;
    List<int[]> elements = elements(in, header);
    // An element that is not a continuation starts with its OBU's header.
    for (int i = (header & 0x80) != 0 ? 1 : 0; i < elements.size(); i++) {
      key |= ((payload[elements.get(i)[0]] >>> 3) & 0x0F) == OBU_SEQUENCE_HEADER;
    }
    return key;
  }
}
