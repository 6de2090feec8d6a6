package org.rtc4j.sdp;

/**
 * The media direction attributes {@code a=sendrecv}, {@code a=sendonly}, {@code a=recvonly} and
 * {@code a=inactive} (RFC 8866 §6.7), always from the point of view of the description's writer.
 * Without any, a section is {@link #SENDRECV} (RFC 8866 §6.7).
 */
public enum Direction implements TypedAttribute {
  /** {@code a=sendrecv}: sends and receives. */
  SENDRECV("sendrecv", true, true),
  /** {@code a=sendonly}: sends, does not receive. */
  SENDONLY("sendonly", true, false),
  /** {@code a=recvonly}: receives, does not send. */
  RECVONLY("recvonly", false, true),
  /** {@code a=inactive}: neither. */
  INACTIVE("inactive", false, false);

  private final String attributeName;
  private final boolean sends;
  private final boolean receives;

  Direction(String attributeName, boolean sends, boolean receives) {
    this.attributeName = attributeName;
    this.sends = sends;
    this.receives = receives;
  }

  /** The direction that sends and receives as asked. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  /** The direction whose attribute is named {@code name}, or null. */
  public static Direction named(String name) {
    for (Direction d : values()) {
      if (d.attributeName.equals(name)) {
        return d;
      }
    }
    return null;
  }

  /**
   * Parses a direction attribute's name ({@code sendrecv}, {@code sendonly}, {@code recvonly},
   * {@code inactive}; the attribute has no value), or the same word as the direction part of {@code
   * a=extmap} (RFC 8285 §7).
   *
   * @throws SdpParseException if it is none of the four
   */
  public static Direction parse(String name) throws SdpParseException {
    Direction d = named(name);
    if (d == null) {
      throw new SdpParseException(
          "direction must be sendrecv, sendonly, recvonly or inactive: " + Syntax.quote(name), 0);
    }
    return d;
  }

  /** The attribute's name, which is all it has. */
  public String attributeName() {
    return attributeName;
  }

  /** Whether the writer of the description sends media. */
  public boolean sends() {
    return sends;
  }

  /** Whether the writer of the description receives media. */
  public boolean receives() {
    return receives;
  }

  /**
   * The same direction seen from the other end: {@link #SENDONLY} and {@link #RECVONLY} swap. What
   * an offer's direction allows the answerer (RFC 8829 §5.3.1).
   */
  public Direction reversed() {
    return of(receives, sends);
  }

  /** This direction limited to what {@code other} also allows: both must send, both receive. */
  public Direction and(Direction other) {
    return of(sends && other.sends, receives && other.receives);
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
