package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=ice-ufrag} (RFC 8839 §5.4): the ICE username fragment.
 *
 * @param value 4 to 256 ice-chars (letters, digits, {@code +} and {@code /})
 */
public record IceUfrag(String value) implements TypedAttribute {
  /** The attribute name, {@code ice-ufrag}. */
  public static final String NAME = "ice-ufrag";

  /**
   * @throws IllegalArgumentException if the value is not 4 to 256 ice-chars
   */
  public IceUfrag {
    Syntax.require(
        value != null && value.length() >= 4 && value.length() <= 256 && Syntax.isIceChars(value),
        "ice-ufrag must be 4 to 256 ice-chars: " + Syntax.quote(value));
  }

  /**
   * Parses the value of {@code a=ice-ufrag}.
   *
   * @throws SdpParseException if it is not 4 to 256 ice-chars
   */
  public static IceUfrag parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    if (fields.size() != 1) {
      throw new SdpParseException("ice-ufrag must be one word: " + Syntax.quote(value), 0);
    }
    return Syntax.build(() -> new IceUfrag(fields.get(0)));
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
