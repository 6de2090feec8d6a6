package org.rtc4j.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code a=fmtp} (RFC 8866 §6.15): the format-specific parameters of an RTP payload type, such as
 * {@code 111 minptime=10;useinbandfec=1}.
 *
 * @param payloadType the RTP payload type, 0 to 127
 * @param parameters the parameters as written, whose syntax the codec defines: most are {@code
 *     key=value} pairs separated by {@code ;} (see {@link #parameterMap()}), some are not ({@code
 *     0-15} for telephone-event, {@code 111/111} for RED). Not empty, not starting with a space.
 */
public record Fmtp(int payloadType, String parameters) implements TypedAttribute {
  /** The attribute name, {@code fmtp}. */
  public static final String NAME = "fmtp";

  /**
   * @throws IllegalArgumentException if the payload type is out of range or the parameters empty
   */
  public Fmtp {
    Syntax.require(
        payloadType >= 0 && payloadType <= 127, "payload type must be 0 to 127: " + payloadType);
    Syntax.require(parameters != null, "fmtp needs parameters");
    Syntax.requireRest(parameters, "fmtp parameters");
  }

  /**
   * The parameters {@code key=value;key=value...} of {@code parameters}, in its order; a key whose
   * value is the empty string is written alone.
   */
  public static Fmtp of(int payloadType, Map<String, String> parameters) {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      if (s.length() > 0) {
        s.append(';');
      }
      s.append(e.getKey());
      if (!e.getValue().isEmpty()) {
        s.append('=').append(e.getValue());
      }
    }
    return new Fmtp(payloadType, s.toString());
  }

  /**
   * Parses the value of {@code a=fmtp}: {@code <payload type> <parameters>}.
   *
   * @throws SdpParseException if the payload type is not 0 to 127 or there are no parameters
   */
  public static Fmtp parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    int payloadType = Syntax.intNumber(cursor.require("payload type"), 0, 127, "payload type");
    String parameters = cursor.rest();
    if (parameters == null) {
      throw new SdpParseException("fmtp needs parameters", 0);
    }
    return Syntax.build(() -> new Fmtp(payloadType, parameters));
  }

  /**
   * The parameters read as {@code key=value} pairs separated by {@code ;} (RFC 8866 §6.15's usual
   * form), spaces around each trimmed, in order. A part without {@code =} is a key whose value is
   * the empty string; of repeated keys the first counts.
   */
  public Map<String, String> parameterMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String part : parameters.split(";")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      int eq = item.indexOf('=');
      String key = eq < 0 ? item : item.substring(0, eq).strip();
      String val = eq < 0 ? "" : item.substring(eq + 1).strip();
      map.putIfAbsent(key, val);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The value of parameter {@code key} in {@link #parameterMap()}, or null. */
  public String parameter(String key) {
    return parameterMap().get(key);
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return payloadType + " " + parameters;
  }
}
