package org.rtc4j.sdp;

import java.util.List;

/**
 * A {@code c=} line (RFC 8866 §5.7): the address media go to. WebRTC puts the default candidate's
 * address here, or {@code IN IP4 0.0.0.0} before there is one (RFC 8829 §5.2.1); ICE decides the
 * real addresses.
 *
 * @param netType the network type, a token, {@code IN}
 * @param addressType the address type, a token, {@code IP4} or {@code IP6}
 * @param address the connection address as written, with any {@code /ttl/count} of a multicast
 *     address (visible characters, no spaces)
 */
public record Connection(String netType, String addressType, String address) {
  /** {@code IN IP4 0.0.0.0}, what JSEP writes before there is a candidate. */
  public static final Connection IP4_ANY = new Connection("IN", "IP4", "0.0.0.0");

  /**
   * @throws IllegalArgumentException if a field is malformed
   */
  public Connection {
    Syntax.requireToken(netType, "network type");
    Syntax.requireToken(addressType, "address type");
    Syntax.requireNonWs(address, "connection address");
  }

  /**
   * Parses the value of a {@code c=} line: {@code <nettype> <addrtype> <connection-address>}.
   *
   * @throws SdpParseException if it does not have those three fields or one is malformed
   */
  public static Connection parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value);
    if (f.size() != 3) {
      throw new SdpParseException("c= must have 3 fields, has " + f.size(), 0);
    }
    return Syntax.build(() -> new Connection(f.get(0), f.get(1), f.get(2)));
  }

  /** The line's value, after {@code c=}. */
  @Override
  public String toString() {
    return netType + ' ' + addressType + ' ' + address;
  }
}
