package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=group} (RFC 5888 §5), at session level: media sections, by {@link Mid}, that belong
 * together. WebRTC uses the {@code BUNDLE} semantics (RFC 8843 §7.1) to send them all over one
 * transport.
 *
 * @param semantics what the grouping means, a token such as {@code BUNDLE}
 * @param mids the identification tags of the grouped sections, in order (the first is the offerer's
 *     tagged section for BUNDLE); may be empty
 */
public record Group(String semantics, List<String> mids) implements TypedAttribute {
  /** The attribute name, {@code group}. */
  public static final String NAME = "group";

  /** The BUNDLE semantics (RFC 8843 §7.1). */
  public static final String BUNDLE = "BUNDLE";

  /**
   * @throws IllegalArgumentException if the semantics or a mid is not a token
   */
  public Group {
    Syntax.requireToken(semantics, "group semantics");
    mids = List.copyOf(mids);
    for (String mid : mids) {
      Syntax.requireToken(mid, "mid");
    }
  }

  /** A BUNDLE group of {@code mids}. */
  public static Group bundle(List<String> mids) {
    return new Group(BUNDLE, mids);
  }

  /**
   * Parses the value of {@code a=group}.
   *
   * @throws SdpParseException if the semantics or a mid is not a token
   */
  public static Group parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    if (fields.isEmpty()) {
      throw new SdpParseException("group needs its semantics", 0);
    }
    return Syntax.build(() -> new Group(fields.get(0), fields.subList(1, fields.size())));
  }

  /** Whether this is a BUNDLE group. */
  public boolean isBundle() {
    return BUNDLE.equals(semantics);
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return mids.isEmpty() ? semantics : semantics + ' ' + String.join(" ", mids);
  }
}
