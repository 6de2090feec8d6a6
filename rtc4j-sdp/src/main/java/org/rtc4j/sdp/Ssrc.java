package org.rtc4j.sdp;

/**
 * {@code a=ssrc} (RFC 5576 §4.1): an attribute of one RTP source of the section: {@code 484717294
 * cname:BVgoqZSsb/Nl2C68}, {@code 484717294 msid:<stream> <track>}.
 *
 * @param ssrc the synchronization source, 0 to 2^32-1
 * @param attribute the source attribute's name, a token ({@code cname}, {@code msid}...)
 * @param value the source attribute's value after its colon, as written, or null if it has none
 */
public record Ssrc(long ssrc, String attribute, String value) implements TypedAttribute {
  /** The attribute name, {@code ssrc}. */
  public static final String NAME = "ssrc";

  /** The source attribute that gives the source's canonical name (RFC 5576 §6.1). */
  public static final String CNAME = "cname";

  /**
   * @throws IllegalArgumentException if the SSRC is out of range, the name not a token or the value
   *     holds control characters
   */
  public Ssrc {
    Syntax.require(ssrc >= 0 && ssrc <= 0xFFFF_FFFFL, "ssrc must be 0 to 2^32-1: " + ssrc);
    Syntax.requireToken(attribute, "source attribute name");
    if (value != null) {
      Syntax.requireText(value, "source attribute value");
    }
  }

  /**
   * Parses the value of {@code a=ssrc}: {@code <ssrc> <attribute>[:<value>]}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static Ssrc parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    long ssrc = Syntax.number(cursor.require("ssrc"), 0, 0xFFFF_FFFFL, "ssrc");
    String rest = cursor.rest();
    if (rest == null) {
      throw new SdpParseException("ssrc needs a source attribute", 0);
    }
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    String attributeValue = colon < 0 ? null : rest.substring(colon + 1);
    return Syntax.build(() -> new Ssrc(ssrc, name, attributeValue));
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return value == null ? ssrc + " " + attribute : ssrc + " " + attribute + ':' + value;
  }
}
