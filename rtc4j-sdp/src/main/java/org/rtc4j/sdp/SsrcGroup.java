package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=ssrc-group} (RFC 5576 §4.2): RTP sources of the section that belong together, such as a
 * source and its retransmissions: {@code FID 2592470277 347982104}.
 *
 * @param semantics the relation, a token: {@code FID} (RFC 5576 §7.1), {@code SIM}, {@code
 *     FEC-FR}...
 * @param ssrcs the sources, each 0 to 2^32-1, in order
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements TypedAttribute {
  /** The attribute name, {@code ssrc-group}. */
  public static final String NAME = "ssrc-group";

  /** Flow identification: a source and its retransmission source (RFC 5576 §7.1, RFC 4588). */
  public static final String FID = "FID";

  /**
   * @throws IllegalArgumentException if the semantics is not a token or an SSRC out of range
   */
  public SsrcGroup {
    Syntax.requireToken(semantics, "ssrc-group semantics");
    ssrcs = List.copyOf(ssrcs);
    for (long ssrc : ssrcs) {
      Syntax.require(ssrc >= 0 && ssrc <= 0xFFFF_FFFFL, "ssrc must be 0 to 2^32-1: " + ssrc);
    }
  }

  /**
   * Parses the value of {@code a=ssrc-group}: {@code <semantics> <ssrc>...}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static SsrcGroup parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String semantics = cursor.require("semantics");
    List<Long> ssrcs = new ArrayList<>();
    for (String field = cursor.next(); field != null; field = cursor.next()) {
      ssrcs.add(Syntax.number(field, 0, 0xFFFF_FFFFL, "ssrc"));
    }
    return Syntax.build(() -> new SsrcGroup(semantics, ssrcs));
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(semantics);
    for (long ssrc : ssrcs) {
      s.append(' ').append(ssrc);
    }
    return s.toString();
  }
}
