package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=mid} (RFC 5888 §4, RFC 8843 §9.1): the identification tag of a media section, which
 * {@link Group} lists and the MID RTP header extension carries.
 *
 * @param value a token (RFC 8866 §9)
 */
public record Mid(String value) implements TypedAttribute {
  /** The attribute name, {@code mid}. */
  public static final String NAME = "mid";

  /**
   * @throws IllegalArgumentException if the value is not a token
   */
  public Mid {
    Syntax.requireToken(value, "mid");
  }

  /**
   * Parses the value of {@code a=mid}.
   *
   * @throws SdpParseException if it is not one token
   */
  public static Mid parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    if (fields.size() != 1) {
      throw new SdpParseException("mid must be one token: " + Syntax.quote(value), 0);
    }
    return Syntax.build(() -> new Mid(fields.get(0)));
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, value);
  }

  @Override
  public String toString() {
    return value;
  }
}
