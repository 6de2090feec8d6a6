package org.rtc4j.sdp;

/**
 * A {@code b=} line (RFC 8866 §5.8): a bandwidth limit, such as {@code AS:2000} (kilobits per
 * second, RFC 8866) or {@code TIAS:2000000} (bits per second, RFC 3890).
 *
 * @param type the bandwidth type, a token: {@code AS}, {@code CT}, {@code TIAS}, {@code RR}, {@code
 *     RS}...
 * @param value the limit, 0 to 2^63-1, in the type's unit
 */
public record Bandwidth(String type, long value) {
  /**
   * @throws IllegalArgumentException if the type is not a token or the value negative
   */
  public Bandwidth {
    Syntax.requireToken(type, "bandwidth type");
    Syntax.require(value >= 0, "bandwidth must not be negative: " + value);
  }

  /**
   * Parses the value of a {@code b=} line: {@code <bwtype>:<bandwidth>}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static Bandwidth parse(String value) throws SdpParseException {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new SdpParseException("b= must be <type>:<bandwidth>: " + Syntax.quote(value), 0);
    }
    String type = value.substring(0, colon);
    long bandwidth =
        Syntax.number(value.substring(colon + 1).strip(), 0, Long.MAX_VALUE, "bandwidth");
    return Syntax.build(() -> new Bandwidth(type.strip(), bandwidth));
  }

  /** The line's value, after {@code b=}. */
  @Override
  public String toString() {
    return type + ':' + value;
  }
}
