package org.rtc4j.sdp;

/**
 * {@code a=msid} (RFC 8830 §2, RFC 8829 §5.2.1): the media stream a section's track belongs to, and
 * the track's id: {@code 6426f4ad-... cd0bcc93-...}. A stream id of {@code -} means the track is in
 * no stream.
 *
 * @param streamId the MediaStream id (RFC 8830's msid-id), a token
 * @param trackId the track id (RFC 8830's msid-appdata), a token, or null
 */
public record Msid(String streamId, String trackId) implements TypedAttribute {
  /** The attribute name, {@code msid}. */
  public static final String NAME = "msid";

  /** The stream id that says the track is in no stream (RFC 8829 §5.2.1). */
  public static final String NO_STREAM = "-";

  /**
   * @throws IllegalArgumentException if an id is not a token
   */
  public Msid {
    Syntax.requireToken(streamId, "msid stream id");
    if (trackId != null) {
      Syntax.requireToken(trackId, "msid track id");
    }
  }

  /**
   * Parses the value of {@code a=msid}: {@code <stream id> [<track id>]}.
   *
   * @throws SdpParseException if it is not one or two tokens
   */
  public static Msid parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String streamId = cursor.require("stream id");
    String trackId = cursor.next();
    cursor.end("msid");
    return Syntax.build(() -> new Msid(streamId, trackId));
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return trackId == null ? streamId : streamId + ' ' + trackId;
  }
}
