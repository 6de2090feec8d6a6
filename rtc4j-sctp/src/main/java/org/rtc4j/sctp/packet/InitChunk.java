package org.rtc4j.sctp.packet;

import java.util.List;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * INIT (RFC 9260 §3.3.2): starts an association.
 *
 * <pre>
 *  type 1 | flags 0 | length
 *  initiate tag
 *  advertised receiver window credit (a_rwnd)
 *  number of outbound streams (16) | number of inbound streams (16)
 *  initial TSN
 *  optional/variable-length parameters
 * </pre>
 *
 * <p>The packet layer checks the format only; a zero initiate tag or stream count (RFC 9260 §3.3.2)
 * is for the association to refuse.
 *
 * @param initiateTag the verification tag the sender wants on the packets sent to it
 * @param advertisedReceiverWindowCredit the sender's receive buffer, in bytes, 0 to 2^32-1
 * @param outboundStreams the number of streams the sender wants to send on, 0–65535
 * @param inboundStreams the most streams the sender accepts, 0–65535
 * @param initialTsn the TSN the sender's first DATA will carry
 * @param parameters the optional parameters, in order
 */
public record InitChunk(
    int initiateTag,
    long advertisedReceiverWindowCredit,
    int outboundStreams,
    int inboundStreams,
    int initialTsn,
    List<Parameter> parameters)
    implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 1;

  /** Header and fixed fields. */
  static final int FIXED_LENGTH = 20;

  /**
   * @throws IllegalArgumentException if a field is out of range or the chunk would be too long
   */
  public InitChunk {
    parameters = List.copyOf(parameters);
    checkFields(advertisedReceiverWindowCredit, outboundStreams, inboundStreams, parameters);
  }

  static void checkFields(
      long advertisedReceiverWindowCredit,
      int outboundStreams,
      int inboundStreams,
      List<Parameter> parameters) {
    if (advertisedReceiverWindowCredit < 0 || advertisedReceiverWindowCredit > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a_rwnd " + advertisedReceiverWindowCredit);
    }
    if ((outboundStreams & ~0xFFFF) != 0 || (inboundStreams & ~0xFFFF) != 0) {
      throw new IllegalArgumentException(
          "stream counts " + outboundStreams + ", " + inboundStreams + " not 16 bits");
    }
    Tlv.checkLength(
        FIXED_LENGTH + Tlv.listLength(parameters, Parameter::serializedLength), "INIT/INIT ACK");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return FIXED_LENGTH + (int) Tlv.listLength(parameters, Parameter::serializedLength);
  }

  @Override
  public void writeTo(ByteWriter out) {
    write(
        out,
        TYPE,
        serializedLength(),
        initiateTag,
        advertisedReceiverWindowCredit,
        outboundStreams,
        inboundStreams,
        initialTsn,
        parameters);
  }

  static void write(
      ByteWriter out,
      int type,
      int length,
      int initiateTag,
      long advertisedReceiverWindowCredit,
      int outboundStreams,
      int inboundStreams,
      int initialTsn,
      List<Parameter> parameters) {
    Tlv.chunkHeader(out, type, 0, length);
    out.u32(initiateTag)
        .u32(advertisedReceiverWindowCredit)
        .u16(outboundStreams)
        .u16(inboundStreams)
        .u32(initialTsn);
    // Each parameter writes its own padding, the last one's included: that is the chunk's.
    Tlv.writeParameters(out, parameters);
  }

  static InitChunk parseValue(ByteReader value) throws ParseException {
    value.require(FIXED_LENGTH - Chunk.HEADER_LENGTH, "INIT fixed fields");
    return new InitChunk(
        value.i32(), value.u32(), value.u16(), value.u16(), value.i32(), Tlv.parameters(value));
  }
}
