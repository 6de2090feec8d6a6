package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=ice-pwd} (RFC 8839 §5.4): the ICE password.
 *
 * @param value 22 to 256 ice-chars (letters, digits, {@code +} and {@code /})
 */
public record IcePwd(String value) implements TypedAttribute {
  /** The attribute name, {@code ice-pwd}. */
  public static final String NAME = "ice-pwd";

  /**
   * @throws IllegalArgumentException if the value is not 22 to 256 ice-chars
   */
  public IcePwd {
    Syntax.require(
        value != null && value.length() >= 22 && value.length() <= 256 && Syntax.isIceChars(value),
        "ice-pwd must be 22 to 256 ice-chars: " + Syntax.quote(value));
  }

  /**
   * Parses the value of {@code a=ice-pwd}.
   *
   * @throws SdpParseException if it is not 22 to 256 ice-chars
   */
  public static IcePwd parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    if (fields.size() != 1) {
      throw new SdpParseException("ice-pwd must be one word", 0);
    }
    return Syntax.build(() -> new IcePwd(fields.get(0)));
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
