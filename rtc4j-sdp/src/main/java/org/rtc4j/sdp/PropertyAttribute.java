package org.rtc4j.sdp;

/**
 * The property attributes (RFC 8866 §5.13: a name and no value) that WebRTC negotiates, besides the
 * {@link Direction} ones. Each may appear at most once where it appears at all; its presence is all
 * it says.
 */
public enum PropertyAttribute implements TypedAttribute {
  /** {@code a=end-of-candidates} (RFC 8840 §8.2): no more candidates will be trickled. */
  END_OF_CANDIDATES("end-of-candidates"),
  /**
   * {@code a=extmap-allow-mixed} (RFC 8285 §6): one-byte and two-byte header extensions may be
   * mixed in a stream.
   */
  EXTMAP_ALLOW_MIXED("extmap-allow-mixed"),
  /** {@code a=rtcp-mux} (RFC 5761 §5.1.1): RTP and RTCP share one port. */
  RTCP_MUX("rtcp-mux"),
  /** {@code a=rtcp-rsize} (RFC 5506 §5): reduced-size RTCP is allowed. */
  RTCP_RSIZE("rtcp-rsize"),
  /**
   * {@code a=bundle-only} (RFC 8843 §6): the section is only usable inside a BUNDLE group; its port
   * is 0 in an offer without being rejected.
   */
  BUNDLE_ONLY("bundle-only"),
  /** {@code a=ice-lite} (RFC 8839 §5.3): the writer is an ICE lite agent (session level). */
  ICE_LITE("ice-lite");

  private final String attributeName;

  PropertyAttribute(String attributeName) {
    this.attributeName = attributeName;
  }

  /** The property attribute named {@code name}, or null if this package does not know it. */
  public static PropertyAttribute named(String name) {
    for (PropertyAttribute p : values()) {
      if (p.attributeName.equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Parses a property attribute's name.
   *
   * @throws SdpParseException if this package does not know it
   */
  public static PropertyAttribute parse(String name) throws SdpParseException {
    PropertyAttribute p = named(name);
    if (p == null) {
      throw new SdpParseException("not a known property attribute: " + Syntax.quote(name), 0);
    }
    return p;
  }

  /** The attribute's name. */
  public String attributeName() {
    return attributeName;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.property(attributeName);
  }

  /** The attribute's name. */
  @Override
  public String toString() {
    return attributeName;
  }
}
