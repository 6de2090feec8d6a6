package org.rtc4j.sctp.packet;

import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * Re-configuration Response (RFC 6525 §4.4): the answer to a reconfiguration request. The two
 * next-TSN fields are there only in answer to an SSN/TSN Reset Request that was performed.
 *
 * <pre>
 *  type = 16 | length = 12 or 20
 *  re-configuration response sequence number
 *  result
 *  sender's next TSN     (optional,
 *  receiver's next TSN    together)
 * </pre>
 *
 * @param responseSequenceNumber the number of the request this answers (raw 32 bits)
 * @param result the result, one of the {@code SUCCESS_…}, {@code DENIED}, {@code ERROR_…} and
 *     {@code IN_PROGRESS} constants (raw 32 bits)
 * @param hasNextTsns whether the two next-TSN fields are present
 * @param senderNextTsn the sender's next TSN (raw 32 bits), 0 when absent
 * @param receiverNextTsn the receiver's next TSN (raw 32 bits), 0 when absent
 */
public record ReconfigurationResponseParameter(
    int responseSequenceNumber,
    int result,
    boolean hasNextTsns,
    int senderNextTsn,
    int receiverNextTsn)
    implements Parameter {
  /** The parameter type. */
  public static final int TYPE = 16;

  /** The length without the next-TSN fields. */
  public static final int SHORT_LENGTH = 12;

  /** The length with the next-TSN fields. */
  public static final int LONG_LENGTH = 20;

  /** 0: Success - Nothing to do. */
  public static final int SUCCESS_NOTHING_TO_DO = 0;

  /** 1: Success - Performed. */
  public static final int SUCCESS_PERFORMED = 1;

  /** 2: Denied. */
  public static final int DENIED = 2;

  /** 3: Error - Wrong SSN. */
  public static final int ERROR_WRONG_SSN = 3;

  /** 4: Error - Request already in progress. */
  public static final int ERROR_REQUEST_ALREADY_IN_PROGRESS = 4;

  /** 5: Error - Bad Sequence Number. */
  public static final int ERROR_BAD_SEQUENCE_NUMBER = 5;

  /** 6: In progress. */
  public static final int IN_PROGRESS = 6;

  /**
   * @throws IllegalArgumentException if next TSNs are given though {@code hasNextTsns} is false
   */
  public ReconfigurationResponseParameter {
    if (!hasNextTsns && (senderNextTsn != 0 || receiverNextTsn != 0)) {
      throw new IllegalArgumentException("next TSNs given without hasNextTsns");
    }
  }

  /** A response without the next-TSN fields. */
  public ReconfigurationResponseParameter(int responseSequenceNumber, int result) {
    this(responseSequenceNumber, result, false, 0, 0);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public int serializedLength() {
    return hasNextTsns ? LONG_LENGTH : SHORT_LENGTH;
  }

  @Override
  public void writeTo(ByteWriter out) {
    out.u16(TYPE).u16(serializedLength()).u32(responseSequenceNumber).u32(result);
    if (hasNextTsns) {
      out.u32(senderNextTsn).u32(receiverNextTsn);
    }
  }

  static ReconfigurationResponseParameter parseValue(ByteReader value) throws ParseException {
    int length = HEADER_LENGTH + value.length();
    if (length != SHORT_LENGTH && length != LONG_LENGTH) {
      throw new ParseException("Re-configuration Response of length " + length, 0);
    }
    int responseSequenceNumber = value.i32();
    int result = value.i32();
    if (length == SHORT_LENGTH) {
      return new ReconfigurationResponseParameter(responseSequenceNumber, result);
    }
    return new ReconfigurationResponseParameter(
        responseSequenceNumber, result, true, value.i32(), value.i32());
  }

  /** The result's name in RFC 6525 §4.4, for logs. */
  public static String resultName(int result) {
    return switch (result) {
      case SUCCESS_NOTHING_TO_DO -> "Success - Nothing to do";
      case SUCCESS_PERFORMED -> "Success - Performed";
      case DENIED -> "Denied";
      case ERROR_WRONG_SSN -> "Error - Wrong SSN";
      case ERROR_REQUEST_ALREADY_IN_PROGRESS -> "Error - Request already in progress";
      case ERROR_BAD_SEQUENCE_NUMBER -> "Error - Bad Sequence Number";
      case IN_PROGRESS -> "In progress";
      default -> "result " + Integer.toUnsignedString(result);
    };
  }
}
