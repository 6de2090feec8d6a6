package org.rtc4j.sdp;

/**
 * {@code a=rtcp-fb} (RFC 4585 §4.2): an RTCP feedback message the writer can receive for a payload
 * type, or for all of them: {@code 96 nack pli}, {@code 111 transport-cc}, {@code * ccm fir}.
 *
 * @param payloadType the RTP payload type, 0 to 127, or {@link #ALL_PAYLOAD_TYPES} for {@code *}
 * @param type the feedback type, a token: {@code nack}, {@code ccm}, {@code goog-remb}, {@code
 *     transport-cc}, {@code trr-int}...
 * @param subtype what follows the type, as written ({@code pli}, {@code fir}, {@code tmmbr
 *     smaxpr=120}...; RFC 4585 calls it the parameter), or null
 */
public record RtcpFeedback(int payloadType, String type, String subtype) implements TypedAttribute {
  /** The attribute name, {@code rtcp-fb}. */
  public static final String NAME = "rtcp-fb";

  /** {@link #payloadType} for {@code *}: every payload type of the section. */
  public static final int ALL_PAYLOAD_TYPES = -1;

  /**
   * @throws IllegalArgumentException if the payload type is out of range, the type not a token or
   *     the subtype empty or starting with a space
   */
  public RtcpFeedback {
    Syntax.require(
        payloadType == ALL_PAYLOAD_TYPES || (payloadType >= 0 && payloadType <= 127),
        "payload type must be 0 to 127 or *: " + payloadType);
    Syntax.requireToken(type, "feedback type");
    Syntax.requireRest(subtype, "feedback parameter");
  }

  /** Feedback of {@code type} without subtype, such as {@code transport-cc}. */
  public static RtcpFeedback of(int payloadType, String type) {
    return new RtcpFeedback(payloadType, type, null);
  }

  /**
   * Parses the value of {@code a=rtcp-fb}: {@code <payload type or *> <type> [<subtype>]}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static RtcpFeedback parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String pt = cursor.require("payload type");
    int payloadType =
        pt.equals("*") ? ALL_PAYLOAD_TYPES : Syntax.intNumber(pt, 0, 127, "payload type");
    String type = cursor.require("feedback type");
    String subtype = cursor.rest();
    return Syntax.build(() -> new RtcpFeedback(payloadType, type, subtype));
  }

  /** Whether this applies to {@code payloadType}: it names it, or is for all of them. */
  public boolean appliesTo(int payloadType) {
    return this.payloadType == ALL_PAYLOAD_TYPES || this.payloadType == payloadType;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    String pt = payloadType == ALL_PAYLOAD_TYPES ? "*" : Integer.toString(payloadType);
    return subtype == null ? pt + ' ' + type : pt + ' ' + type + ' ' + subtype;
  }
}
