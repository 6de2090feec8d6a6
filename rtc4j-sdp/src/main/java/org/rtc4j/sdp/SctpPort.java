package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=sctp-port} (RFC 8841 §5): the SCTP port of the data-channel association, 5000 by default
 * in WebRTC.
 *
 * @param port 0 to 65535
 */
public record SctpPort(int port) implements TypedAttribute {
  /** The attribute name, {@code sctp-port}. */
  public static final String NAME = "sctp-port";

  /** The port WebRTC uses when none is given (RFC 8841 §5.2, RFC 8831 §6.2). */
  public static final int DEFAULT = 5000;

  /**
   * @throws IllegalArgumentException if the port is out of range
   */
  public SctpPort {
    Syntax.requirePort(port, "sctp-port");
  }

  /**
   * Parses the value of {@code a=sctp-port}.
   *
   * @throws SdpParseException if it is not a port number
   */
  public static SctpPort parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    if (fields.size() != 1) {
      throw new SdpParseException("sctp-port must be one number: " + Syntax.quote(value), 0);
    }
    return new SctpPort(Syntax.intNumber(fields.get(0), 0, 0xFFFF, "sctp-port"));
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return Integer.toString(port);
  }
}
