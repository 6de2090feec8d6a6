package org.rtc4j.sdp;

/**
 * {@code a=extmap} (RFC 8285 §7): an RTP header extension and the id that stands for it in packets:
 * {@code 3 urn:ietf:params:rtp-hdrext:sdes:mid}, {@code 2/recvonly
 * urn:ietf:params:rtp-hdrext:csrc-audio-level}.
 *
 * @param id the local identifier, 1 to 65535 (1-14 fit the one-byte form, 1-255 the two-byte form,
 *     4096-4351 are for negotiation; RFC 8285 §5)
 * @param direction the direction the extension is used in, or null for the section's
 * @param uri the extension's name, a URI (visible characters without spaces)
 * @param attributes the extension attributes after the URI, as written, or null
 */
public record ExtMap(int id, Direction direction, String uri, String attributes)
    implements TypedAttribute {
  /** The attribute name, {@code extmap}. */
  public static final String NAME = "extmap";

  /**
   * @throws IllegalArgumentException if the id is out of range, the URI empty or holds spaces, or
   *     the attributes empty or start with a space
   */
  public ExtMap {
    Syntax.require(id >= 1 && id <= 0xFFFF, "extmap id must be 1 to 65535: " + id);
    Syntax.requireNonWs(uri, "extension URI");
    Syntax.requireRest(attributes, "extension attributes");
  }

  /** The extension {@code uri} under {@code id}, in the section's direction, no attributes. */
  public static ExtMap of(int id, String uri) {
    return new ExtMap(id, null, uri, null);
  }

  /**
   * Parses the value of {@code a=extmap}: {@code <id>[/<direction>] <uri> [<attributes>]}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static ExtMap parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String entry = cursor.require("id");
    int slash = entry.indexOf('/');
    int id =
        Syntax.intNumber(slash < 0 ? entry : entry.substring(0, slash), 1, 0xFFFF, "extmap id");
    Direction direction = slash < 0 ? null : Direction.parse(entry.substring(slash + 1));
    String uri = cursor.require("extension URI");
    String attributes = cursor.rest();
    return Syntax.build(() -> new ExtMap(id, direction, uri, attributes));
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(id);
    if (direction != null) {
      s.append('/').append(direction.attributeName());
    }
    s.append(' ').append(uri);
    if (attributes != null) {
      s.append(' ').append(attributes);
    }
    return s.toString();
  }
}
