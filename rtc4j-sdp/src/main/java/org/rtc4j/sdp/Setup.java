package org.rtc4j.sdp;

/**
 * {@code a=setup} (RFC 4145 §4, for DTLS RFC 8842 §5): which side opens the DTLS association. An
 * offer says {@link #ACTPASS}; the answer picks {@link #ACTIVE} (it will be the DTLS client) or
 * {@link #PASSIVE}.
 */
public enum Setup implements TypedAttribute {
  /** The endpoint will initiate the connection: the DTLS client. */
  ACTIVE("active"),
  /** The endpoint will accept the connection: the DTLS server. */
  PASSIVE("passive"),
  /** The endpoint can be either; the answerer chooses. */
  ACTPASS("actpass"),
  /** The endpoint does not want the connection set up, for now. */
  HOLDCONN("holdconn");

  /** The attribute name, {@code setup}. */
  public static final String NAME = "setup";

  private final String value;

  Setup(String value) {
    this.value = value;
  }

  /**
   * Parses the value of {@code a=setup}.
   *
   * @throws SdpParseException if it is none of the four roles
   */
  public static Setup parse(String value) throws SdpParseException {
    String role = value.strip();
    for (Setup setup : values()) {
      if (setup.value.equals(role)) {
        return setup;
      }
    }
    throw new SdpParseException(
        "setup must be active, passive, actpass or holdconn: " + Syntax.quote(value), 0);
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, value);
  }

  /** The value as written in {@code a=setup}. */
  @Override
  public String toString() {
    return value;
  }
}
