package org.rtc4j.sdp;

/**
 * {@code a=rtpmap} (RFC 8866 §6.6): what an RTP payload type of the section's format list means,
 * such as {@code 111 opus/48000/2}.
 *
 * @param payloadType the RTP payload type, 0 to 127
 * @param encodingName the codec's name as written ({@code opus}, {@code VP8}...), a token; RFC 8866
 *     §6.6 compares it case-insensitively
 * @param clockRate the RTP clock rate in Hz, 1 or more
 * @param channels the encoding parameters, for audio the number of channels, 1 or more; -1 when not
 *     written (which for audio means 1)
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels)
    implements TypedAttribute {
  /** The attribute name, {@code rtpmap}. */
  public static final String NAME = "rtpmap";

  /** {@link #channels} when the line gives none. */
  public static final int NO_CHANNELS = -1;

  /**
   * @throws IllegalArgumentException if a field is out of range or the name not a token
   */
  public RtpMap {
    Syntax.require(
        payloadType >= 0 && payloadType <= 127, "payload type must be 0 to 127: " + payloadType);
    Syntax.requireToken(encodingName, "encoding name");
    Syntax.require(clockRate >= 1, "clock rate must be positive: " + clockRate);
    Syntax.require(channels == NO_CHANNELS || channels >= 1, "channels must be positive");
  }

  /** A mapping without encoding parameters, as for video. */
  public static RtpMap of(int payloadType, String encodingName, int clockRate) {
    return new RtpMap(payloadType, encodingName, clockRate, NO_CHANNELS);
  }

  /**
   * Parses the value of {@code a=rtpmap}: {@code <payload type> <encoding name>/<clock
   * rate>[/<channels>]}.
   *
   * @throws SdpParseException if it is not of that form or a field is out of range
   */
  public static RtpMap parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    int payloadType = Syntax.intNumber(cursor.require("payload type"), 0, 127, "payload type");
    String encoding = cursor.require("encoding");
    cursor.end("rtpmap");
    String[] parts = encoding.split("/", -1);
    if (parts.length < 2 || parts.length > 3) {
      throw new SdpParseException(
          "encoding must be <name>/<clock rate>[/<channels>]: " + Syntax.quote(encoding), 0);
    }
    int clockRate = Syntax.intNumber(parts[1], 1, Integer.MAX_VALUE, "clock rate");
    int channels =
        parts.length == 3 ? Syntax.intNumber(parts[2], 1, Integer.MAX_VALUE, "channels") : -1;
    return Syntax.build(() -> new RtpMap(payloadType, parts[0], clockRate, channels));
  }

  /** The number of channels, 1 when the line gives none. */
  public int channelCount() {
    return channels == NO_CHANNELS ? 1 : channels;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    String s = payloadType + " " + encodingName + '/' + clockRate;
    return channels == NO_CHANNELS ? s : s + '/' + channels;
  }
}
