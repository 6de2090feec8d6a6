package org.rtc4j.sdp;

import java.util.List;

/**
 * A time description (RFC 8866 §5.9-5.11): a {@code t=} line with its {@code r=} lines and optional
 * {@code z=} line. WebRTC always writes {@link #PERMANENT}, {@code t=0 0}.
 *
 * @param start the start time in NTP seconds, 0 for unbounded
 * @param stop the stop time in NTP seconds, 0 for unbounded
 * @param repeats the values of the {@code r=} lines, as written, in order
 * @param zoneAdjustments the value of the {@code z=} line, as written, or null
 */
public record TimeDescription(long start, long stop, List<String> repeats, String zoneAdjustments) {
  /** {@code t=0 0}: a session not bounded in time (RFC 8829 §5.2.1). */
  public static final TimeDescription PERMANENT = new TimeDescription(0, 0, List.of(), null);

  /**
   * @throws IllegalArgumentException if a time is negative or a line's value malformed
   */
  public TimeDescription {
    Syntax.require(start >= 0 && stop >= 0, "times must not be negative");
    repeats = List.copyOf(repeats);
    for (String repeat : repeats) {
      Syntax.require(
          Syntax.isText(repeat) && !repeat.isEmpty(),
          "r= must be non-empty text: " + Syntax.quote(repeat));
    }
    if (zoneAdjustments != null) {
      Syntax.require(
          Syntax.isText(zoneAdjustments) && !zoneAdjustments.isEmpty(),
          "z= must be non-empty text: " + Syntax.quote(zoneAdjustments));
    }
  }

  /** The lines, each ending in CRLF, appended to {@code out}. */
  void appendTo(StringBuilder out) {
    out.append("t=").append(start).append(' ').append(stop).append("\r\n");
    for (String repeat : repeats) {
      out.append("r=").append(repeat).append("\r\n");
    }
    if (zoneAdjustments != null) {
      out.append("z=").append(zoneAdjustments).append("\r\n");
    }
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    appendTo(out);
    return out.toString();
  }
}
