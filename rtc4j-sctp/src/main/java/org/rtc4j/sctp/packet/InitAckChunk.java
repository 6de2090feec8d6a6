package org.rtc4j.sctp.packet;

import java.util.List;
import java.util.Optional;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * INIT ACK (RFC 9260 §3.3.3): the answer to an INIT, laid out as INIT is; it must carry a {@link
 * StateCookieParameter}, which the association checks.
 *
 * <pre>
 *  type 2 | flags 0 | length
 *  initiate tag
 *  advertised receiver window credit
 *  number of outbound streams (16) | number of inbound streams (16)
 *  initial TSN
 *  state cookie and optional/variable-length parameters
 * </pre>
 *
 * @param initiateTag the verification tag the sender wants on the packets sent to it
 * @param advertisedReceiverWindowCredit the sender's receive buffer, in bytes, 0 to 2^32-1
 * @param outboundStreams the number of streams the sender wants to send on, 0–65535
 * @param inboundStreams the most streams the sender accepts, 0–65535
 * @param initialTsn the TSN the sender's first DATA will carry
 * @param parameters the parameters, the state cookie among them, in order
 */
public record InitAckChunk(
    int initiateTag,
    long advertisedReceiverWindowCredit,
    int outboundStreams,
    int inboundStreams,
    int initialTsn,
    List<Parameter> parameters)
    implements Chunk {
  /** The chunk type. */
  public static final int TYPE = 2;

  /**
   * @throws IllegalArgumentException if a field is out of range or the chunk would be too long
   */
  public InitAckChunk {
    parameters = List.copyOf(parameters);
    InitChunk.checkFields(
        advertisedReceiverWindowCredit, outboundStreams, inboundStreams, parameters);
  }

  /** The first State Cookie parameter, if there is one (RFC 9260 §3.3.3: there must be). */
  public Optional<StateCookieParameter> stateCookie() {
    for (Parameter p : parameters) {
      if (p instanceof StateCookieParameter cookie) {
        return Optional.of(cookie);
      }
    }
    return Optional.empty();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return InitChunk.FIXED_LENGTH + (int) Tlv.listLength(parameters, Parameter::serializedLength);
  }

  @Override
  public void writeTo(ByteWriter out) {
    InitChunk.write(
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

  static InitAckChunk parseValue(ByteReader value) throws ParseException {
    value.require(InitChunk.FIXED_LENGTH - Chunk.HEADER_LENGTH, "INIT ACK fixed fields");
    return new InitAckChunk(
        value.i32(), value.u32(), value.u16(), value.u16(), value.i32(), Tlv.parameters(value));
  }
}
