package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * H.265 (RFC 7798): makes an Annex B byte stream, a start code (0x00000001) before each NAL unit,
 * of single NAL unit packets (§4.4.1), aggregation packets (§4.4.2) and fragmentation units
 * (§4.4.3), without DONL or DOND fields (sprop-max-don-diff is 0, as in WebRTC). PACI packets
 * (§4.4.4) are refused; the unspecified types 51 to 63 are ignored.
 *
 * <p>Any payload that starts a NAL unit (a single NAL unit, an AP, an FU with S=1) can start a
 * frame. A frame is a keyframe if it has an IRAP picture's NAL unit (types 16 to 21: BLA, IDR,
 * CRA).
 */
public final class H265Depacketizer implements Depacketizer {
  private static final int AP = H265Packetizer.AP;
  private static final int FU = H265Packetizer.FU;
  private static final int PACI = H265Packetizer.PACI;

  /** A depacketizer; it keeps no state. */
  public H265Depacketizer() {}

  /**
   * @throws ParseException if a payload is malformed or a PACI, or the FUs of a NAL unit do not run
   *     from one with S=1 to one with E=1 without anything between them
   */
  @Override
  public byte[] depacketize(List<byte[]> payloads) throws ParseException {
    if (payloads.isEmpty()) {
      throw new ParseException("no payloads", 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int fragmentType = -1; // the NAL unit type of the FU in progress, or -1
    for (byte[] payload : payloads) {
      ByteReader in = new ByteReader(payload);
      int header = in.u16();
      int type = type(header);
      if (type != FU && fragmentType >= 0) {
        throw new ParseException("FU interrupted before its end", 0);
      }
      switch (type) {
        case AP -> {
          // RFC 7798 §4.4.2: 16-bit size, then the NAL unit, repeated.
          checkNotEmpty(in);
          while (in.hasRemaining()) {
            int size = unitSize(in);
            AnnexB.writeUnit(out, payload, in.arrayPosition(), size);
            in.skip(size);
          }
        }
        case FU -> {
          int fu = fuHeader(in);
          if ((fu & 0x80) != 0) {
            if (fragmentType >= 0) {
              throw new ParseException("FU start before the previous one's end", 2);
            }
            fragmentType = fu & 0x3F;
            // RFC 7798 §4.4.3: the unit's header is the payload header with FuType as its type.
            AnnexB.writeStartCode(out);
            int unitHeader = (header & 0x81FF) | (fragmentType << 9);
            out.write(unitHeader >>> 8);
            out.write(unitHeader & 0xFF);
          } else if (fragmentType != (fu & 0x3F)) {
            throw new ParseException(
                fragmentType < 0 ? "FU without its start" : "FU of another NAL unit type", 2);
          }
          out.write(payload, in.position(), in.remaining());
          if ((fu & 0x40) != 0) {
            fragmentType = -1;
          }
        }
        default -> {
          if (!ignored(type)) {
            AnnexB.writeUnit(out, payload, 0, payload.length);
          }
        }
      }
    }
    if (fragmentType >= 0) {
      throw new ParseException("FU without its end", payloads.get(payloads.size() - 1).length);
    }
    return out.toByteArray();
  }

  @Override
  public boolean isFrameStart(byte[] payload, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(payload, offset, length);
    int type = type(in.u16());
    return switch (type) {
      case AP -> {
        checkNotEmpty(in);
        while (in.hasRemaining()) {
          in.skip(unitSize(in));
        }
        yield true;
      }
      case FU -> (fuHeader(in) & 0x80) != 0;
      default -> !ignored(type);
    };
  }

  @Override
  public boolean isKeyframe(byte[] payload, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(payload, offset, length);
    int type = type(in.u16());
    return switch (type) {
      case AP -> {
        checkNotEmpty(in);
        boolean key = false;
        while (in.hasRemaining()) {
          int size = unitSize(in);
          key |= isIrap(in.peekU8(in.position()) >>> 1);
          in.skip(size);
        }
        yield key;
      }
      case FU -> isIrap(fuHeader(in) & 0x3F);
      default -> !ignored(type) && isIrap(type);
    };
  }

  /** RFC 7798 §1.1.4: IRAP pictures' NAL unit types, BLA_W_LP to CRA_NUT (H.265 Table 7-1). */
  private static boolean isIrap(int type) {
    return type >= 16 && type <= 21;
  }

  /** The type in a 2-byte NAL unit or payload header: |F| Type | LayerId | TID | */
  private static int type(int header) throws ParseException {
    int type = (header >>> 9) & 0x3F;
    if (type == PACI) {
      throw new ParseException("PACI packets are not supported", 0);
    }
    if ((header & 0x07) == 0) {
      // H.265 §7.4.2.2: nuh_temporal_id_plus1 is never 0.
      throw new ParseException("TID of 0", 1);
    }
    return type;
  }

  private static boolean ignored(int type) {
    return type > PACI;
  }

  private static void checkNotEmpty(ByteReader in) throws ParseException {
    if (!in.hasRemaining()) {
      throw new ParseException("AP without NAL units", in.position());
    }
  }

  /** Reads an AP unit's size and checks that the unit is there and has its 2-byte header. */
  private static int unitSize(ByteReader in) throws ParseException {
    int size = in.u16();
    if (size < 2) {
      throw new ParseException("AP NAL unit of size " + size, in.position() - 2);
    }
    in.require(size, "AP NAL unit");
    return size;
  }

  /** Reads an FU header: |S|E| FuType | (RFC 7798 §4.4.3). */
  private static int fuHeader(ByteReader in) throws ParseException {
    int fu = in.u8();
    if ((fu & 0xC0) == 0xC0) {
      throw new ParseException("FU with both S and E", in.position() - 1);
    }
    int type = fu & 0x3F;
    if (type >= AP && type <= PACI) {
      throw new ParseException("FU of NAL unit type " + type, in.position() - 1);
    }
    return fu;
  }
}
