package org.rtc4j.sdp;

import java.util.List;

/**
 * The {@code o=} line (RFC 8866 §5.2): who wrote the description, and which version of which
 * session it is. JSEP (RFC 8829 §5.2.1) writes {@code - <random 63-bit id> <version> IN IP4
 * 127.0.0.1} and adds one to the version with each new description of the session.
 *
 * @param username the writer's login, {@code -} when there is none (visible characters, no spaces)
 * @param sessionId the session's id as written, decimal digits (kept as text: RFC 8866 sets no
 *     limit on its length)
 * @param sessionVersion the description's version, 0 to 2^63-1
 * @param netType the network type, a token, {@code IN}
 * @param addressType the address type, a token, {@code IP4} or {@code IP6}
 * @param address the writer's address as written (visible characters, no spaces)
 */
public record Origin(
    String username,
    String sessionId,
    long sessionVersion,
    String netType,
    String addressType,
    String address) {

  /**
   * @throws IllegalArgumentException if a field is malformed
   */
  public Origin {
    Syntax.requireNonWs(username, "origin username");
    Syntax.require(
        Syntax.isDigits(sessionId),
        "session id must be decimal digits: " + Syntax.quote(sessionId));
    Syntax.require(sessionVersion >= 0, "session version must not be negative: " + sessionVersion);
    Syntax.requireToken(netType, "network type");
    Syntax.requireToken(addressType, "address type");
    Syntax.requireNonWs(address, "origin address");
  }

  /** The origin JSEP writes (RFC 8829 §5.2.1): {@code - <sessionId> <version> IN IP4 127.0.0.1}. */
  public static Origin of(String sessionId, long sessionVersion) {
    return new Origin("-", sessionId, sessionVersion, "IN", "IP4", "127.0.0.1");
  }

  /**
   * Parses the value of an {@code o=} line: {@code <username> <sess-id> <sess-version> <nettype>
   * <addrtype> <unicast-address>}.
   *
   * @throws SdpParseException if it does not have those six fields or one is malformed
   */
  public static Origin parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value);
    if (f.size() != 6) {
      throw new SdpParseException("o= must have 6 fields, has " + f.size(), 0);
    }
    if (!Syntax.isDigits(f.get(1))) {
      throw new SdpParseException(
          "session id must be decimal digits: " + Syntax.quote(f.get(1)), 0);
    }
    long version = Syntax.number(f.get(2), 0, Long.MAX_VALUE, "session version");
    return Syntax.build(
        () -> new Origin(f.get(0), f.get(1), version, f.get(3), f.get(4), f.get(5)));
  }

  /** This origin with another session version. */
  public Origin withSessionVersion(long sessionVersion) {
    return new Origin(username, sessionId, sessionVersion, netType, addressType, address);
  }

  /** The line's value, after {@code o=}. */
  @Override
  public String toString() {
    return String.join(
        " ", username, sessionId, Long.toString(sessionVersion), netType, addressType, address);
  }
}
