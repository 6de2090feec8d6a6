package org.rtc4j.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ParseException;

/**
 * H.264 (RFC 6184), packetization modes 0 and 1: makes an Annex B byte stream, a start code
 * (0x00000001) before each NAL unit, of single NAL unit packets (RFC 6184 §5.6), STAP-As (§5.7.1)
 * and FU-As (§5.8). The interleaved mode's packet types (STAP-B, MTAP16, MTAP24, FU-B) are refused;
 * the undefined types 0, 30 and 31 are ignored, as RFC 6184 §5.4 asks.
 *
 * <p>Any payload that starts a NAL unit (a single NAL unit, a STAP-A, an FU-A with S=1) can start a
 * frame: an access unit may be many NAL units in many packets, and nothing in a payload says which
 * one comes first. A frame is a keyframe if it has an IDR slice (type 5) or a sequence parameter
 * set (type 7).
 */
public final class H264Depacketizer implements Depacketizer {
  private static final int STAP_A = H264Packetizer.STAP_A;
  private static final int FU_A = H264Packetizer.FU_A;
  private static final int IDR = 5;
  private static final int SPS = 7;

  /** A depacketizer; it keeps no state. */
  public H264Depacketizer() {}

  /**
   * @throws ParseException if a payload is malformed or of an interleaved-mode type, or the FU-As
   *     of a NAL unit do not run from one with S=1 to one with E=1 without anything between them
   */
  @Override
  public byte[] depacketize(List<byte[]> payloads) throws ParseException {
    if (payloads.isEmpty()) {
      throw new ParseException("no payloads", 0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int fragmentType = -1; // the NAL unit type of the FU-A in progress, or -1
    for (byte[] payload : payloads) {
      ByteReader in = new ByteReader(payload);
      int header = in.u8();
      int type = header & 0x1F;
      if (type != FU_A && fragmentType >= 0) {
        throw new ParseException("FU-A interrupted before its end", 0);
      }
      switch (type) {
        case STAP_A -> {
          // RFC 6184 §5.7.1: 16-bit size, then the NAL unit, repeated.
          for (ByteReader units = stapUnits(in); units.hasRemaining(); ) {
            int size = unitSize(units);
            AnnexB.writeUnit(out, payload, units.arrayPosition(), size);
            units.skip(size);
          }
        }
        case FU_A -> {
          int fu = fuHeader(in);
          boolean start = (fu & 0x80) != 0;
          if (start) {
            if (fragmentType >= 0) {
              throw new ParseException("FU-A start before the previous one's end", 1);
            }
            fragmentType = fu & 0x1F;
            // RFC 6184 §5.8: the unit's header is the indicator's F and NRI and the FU's type.
            AnnexB.writeStartCode(out);
            out.write((header & 0xE0) | fragmentType);
          } else if (fragmentType != (fu & 0x1F)) {
            throw new ParseException(
                fragmentType < 0 ? "FU-A without its start" : "FU-A of another NAL unit type", 1);
          }
          out.write(payload, in.position(), in.remaining());
          if ((fu & 0x40) != 0) {
            fragmentType = -1;
          }
        }
        case 0, 30, 31 -> {
          // RFC 6184 §5.4: undefined; ignored.
        }
        default -> {
          checkModes(type);
          AnnexB.writeUnit(out, payload, 0, payload.length);
        }
      }
    }
    if (fragmentType >= 0) {
      throw new ParseException("FU-A without its end", payloads.get(payloads.size() - 1).length);
    }
    return out.toByteArray();
  }

  @Override
  public boolean isFrameStart(byte[] payload, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(payload, offset, length);
    int type = in.u8() & 0x1F;
    return switch (type) {
      case STAP_A -> {
        checkStap(in);
        yield true;
      }
      case FU_A -> (fuHeader(in) & 0x80) != 0;
      case 0, 30, 31 -> false;
      default -> {
        checkModes(type);
        yield true;
      }
    };
  }

  @Override
  public boolean isKeyframe(byte[] payload, int offset, int length) throws ParseException {
    ByteReader in = new ByteReader(payload, offset, length);
    int type = in.u8() & 0x1F;
    return switch (type) {
      case STAP_A -> {
        boolean key = false;
        for (ByteReader units = stapUnits(in); units.hasRemaining(); ) {
          int size = unitSize(units);
          key |= isKey(units.u8() & 0x1F);
          units.skip(size - 1);
        }
        yield key;
      }
      case FU_A -> isKey(fuHeader(in) & 0x1F);
      case 0, 30, 31 -> false;
      default -> {
        checkModes(type);
        yield isKey(type);
      }
    };
  }

  private static boolean isKey(int type) {
    return type == IDR || type == SPS;
  }

  /** The aggregated units of a STAP-A, after its header; there must be at least one. */
  private static ByteReader stapUnits(ByteReader in) throws ParseException {
    if (!in.hasRemaining()) {
      throw new ParseException("STAP-A without NAL units", in.position());
    }
    return in;
  }

  /** Reads a STAP-A unit's size and checks that the unit is there and not empty. */
  private static int unitSize(ByteReader units) throws ParseException {
    int size = units.u16();
    if (size == 0) {
      throw new ParseException("STAP-A NAL unit of size 0", units.position() - 2);
    }
    units.require(size, "STAP-A NAL unit");
    return size;
  }

  private static void checkStap(ByteReader in) throws ParseException {
    for (ByteReader units = stapUnits(in); units.hasRemaining(); ) {
      units.skip(unitSize(units));
    }
  }

  /** Reads an FU header and checks it (RFC 6184 §5.8). */
  private static int fuHeader(ByteReader in) throws ParseException {
    int fu = in.u8();
    if ((fu & 0xC0) == 0xC0) {
      throw new ParseException("FU-A with both S and E", in.position() - 1);
    }
    int type = fu & 0x1F;
    if (type == 0 || type >= STAP_A) {
      throw new ParseException("FU-A of NAL unit type " + type, in.position() - 1);
    }
    return fu;
  }

  private static void checkModes(int type) throws ParseException {
    if (type >= 25 && type <= 29) {
      // STAP-B, MTAP16, MTAP24, FU-B: the interleaved mode only (RFC 6184 §6.4).
      throw new ParseException("NAL unit type " + type + " needs packetization-mode 2", 0);
    }
  }
}
