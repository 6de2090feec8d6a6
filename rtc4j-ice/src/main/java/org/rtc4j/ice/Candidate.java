package org.rtc4j.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.TransportProtocol;

/**
 * An ICE candidate as it travels in SDP and in trickle (RFC 8839 §5.1):
 *
 * <pre>
 * candidate:744363243 1 udp 2122260223 127.0.0.1 52681 typ host generation 0 network-id 1
 * </pre>
 *
 * <p>{@link #parse(String)} and {@link #toString()} round-trip a browser's line exactly: the
 * transport keeps its spelling ({@code udp} from Chromium, {@code UDP} from Firefox), the address
 * stays as written (an IP literal, or an mDNS name such as {@code 1f0c….local}), and extensions
 * keep their order.
 *
 * @param foundation 1 to 32 ice-chars (letters, digits, {@code +} and {@code /})
 * @param component the component id, 1 to 256
 * @param transport the transport as written: {@code udp}, {@code UDP}, {@code tcp}...
 * @param priority 0 to 2^32-1
 * @param address an IP literal or a host name (for mDNS, a {@code .local} name)
 * @param port 0 to 65535 (ICE-TCP active candidates use 9)
 * @param type host, srflx, prflx or relay
 * @param relatedAddress the {@code raddr}, or null
 * @param relatedPort the {@code rport}, or -1
 * @param extensions the name-value pairs after the standard fields, in order
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    CandidateType type,
    String relatedAddress,
    int relatedPort,
    List<CandidateExtension> extensions) {

  private static final String PREFIX = "candidate:";

  /**
   * @throws IllegalArgumentException if a field is out of range or malformed
   */
  public Candidate {
    Objects.requireNonNull(foundation, "foundation");
    if (foundation.isEmpty() || foundation.length() > 32 || !isIceChars(foundation)) {
      throw new IllegalArgumentException("foundation must be 1 to 32 ice-chars: " + foundation);
    }
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException("component must be 1..256: " + component);
    }
    checkToken(Objects.requireNonNull(transport, "transport"), "transport");
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("priority must fit in 32 unsigned bits: " + priority);
    }
    checkToken(Objects.requireNonNull(address, "address"), "address");
    checkPort(port);
    Objects.requireNonNull(type, "type");
    if (relatedAddress != null) {
      checkToken(relatedAddress, "related address");
    }
    if (relatedPort != -1) {
      checkPort(relatedPort);
    }
    extensions = List.copyOf(extensions);
  }

  /** A candidate without related address or extensions. */
  public static Candidate of(
      String foundation,
      int component,
      TransportProtocol transport,
      long priority,
      InetSocketAddress address,
      CandidateType type) {
    return new Candidate(
        foundation,
        component,
        transport.name().toLowerCase(Locale.ROOT),
        priority,
        address.getAddress().getHostAddress(),
        address.getPort(),
        type,
        null,
        -1,
        List.of());
  }

  /**
   * A foundation for a local candidate (RFC 8445 §5.1.1.3): candidates get the same foundation
   * exactly when they have the same type, base IP address, STUN or TURN server, and transport. It
   * is the CRC-32 of those four, in decimal, as browsers write theirs.
   *
   * @param server the STUN or TURN server the candidate was learned from, or null for host
   *     candidates
   */
  public static String foundation(
      CandidateType type, InetAddress base, InetSocketAddress server, TransportProtocol transport) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    String key =
        type.sdpName()
            + '|'
            + base.getHostAddress()
            + '|'
            + (server == null ? "" : server)
            + '|'
            + transport;
    crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return Long.toString(crc.getValue());
  }

  /**
   * Parses a candidate from SDP or trickle: {@code a=candidate:...}, {@code candidate:...}, or the
   * same without the prefix.
   *
   * @throws ParseException if the line is not a well-formed candidate; the offset is the character
   *     at which the problem was found
   */
  public static Candidate parse(String line) throws ParseException {
    Objects.requireNonNull(line, "line");
    int at = 0;
    if (line.startsWith("a=")) {
      at = 2;
    }
    if (line.startsWith(PREFIX, at)) {
      at += PREFIX.length();
    }
    Tokens t = new Tokens(line, at);
    String foundation = t.next("foundation");
    if (foundation.length() > 32 || !isIceChars(foundation)) {
      throw new ParseException("foundation must be 1 to 32 ice-chars", t.start);
    }
    int component = (int) t.number("component id", 3, 1, 256);
    String transport = t.next("transport");
    long priority = t.number("priority", 10, 0, 0xFFFF_FFFFL);
    String address = t.next("connection address");
    int port = (int) t.number("port", 5, 0, 65535);
    if (!t.next("\"typ\"").equals("typ")) {
      throw new ParseException("expected \"typ\"", t.start);
    }
    String typeName = t.next("candidate type");
    CandidateType type = CandidateType.fromSdpName(typeName);
    if (type == null) {
      throw new ParseException("unknown candidate type " + typeName, t.start);
    }
    String relatedAddress = null;
    int relatedPort = -1;
    List<CandidateExtension> extensions = new ArrayList<>();
    while (t.hasNext()) {
      String name = t.next("extension name");
      if (name.equals("raddr") && relatedAddress == null && extensions.isEmpty()) {
        relatedAddress = t.next("related address");
      } else if (name.equals("rport") && relatedPort == -1 && extensions.isEmpty()) {
        relatedPort = (int) t.number("related port", 5, 0, 65535);
      } else {
        extensions.add(new CandidateExtension(name, t.next("value of " + name)));
      }
    }
    return new Candidate(
        foundation,
        component,
        transport,
        priority,
        address,
        port,
        type,
        relatedAddress,
        relatedPort,
        extensions);
  }

  /** The candidate's transport, or empty if it is one rtc4j does not speak. */
  public Optional<TransportProtocol> transportProtocol() {
    return switch (transport.toLowerCase(Locale.ROOT)) {
      case "udp" -> Optional.of(TransportProtocol.UDP);
      case "tcp" -> Optional.of(TransportProtocol.TCP);
      default -> Optional.empty();
    };
  }

  /** Whether the address is an mDNS name (RFC 8445 extension draft): it ends in {@code .local}. */
  public boolean isMdns() {
    return address.toLowerCase(Locale.ROOT).endsWith(".local");
  }

  /**
   * The transport address, if the address is an IP literal. Never does a DNS lookup: an mDNS or
   * other host name gives empty.
   */
  public Optional<InetSocketAddress> socketAddress() {
    return ipLiteral(address).map(ip -> new InetSocketAddress(ip, port));
  }

  /** The related transport address, if there is one and it is an IP literal. */
  public Optional<InetSocketAddress> relatedSocketAddress() {
    if (relatedAddress == null || relatedPort < 0) {
      return Optional.empty();
    }
    return ipLiteral(relatedAddress).map(ip -> new InetSocketAddress(ip, relatedPort));
  }

  /** The value of extension {@code name}, e.g. {@code tcptype} or {@code ufrag}. */
  public Optional<String> extension(String name) {
    for (CandidateExtension e : extensions) {
      if (e.name().equals(name)) {
        return Optional.of(e.value());
      }
    }
    return Optional.empty();
  }

  /** The same candidate with another address and port (e.g. an mDNS name resolved). */
  public Candidate withAddress(InetSocketAddress resolved) {
    return new Candidate(
        foundation,
        component,
        transport,
        priority,
        resolved.getAddress().getHostAddress(),
        resolved.getPort(),
        type,
        relatedAddress,
        relatedPort,
        extensions);
  }

  /** The line as it goes into SDP after {@code a=}, or into a trickled candidate. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(96);
    b.append(PREFIX)
        .append(foundation)
        .append(' ')
        .append(component)
        .append(' ')
        .append(transport)
        .append(' ')
        .append(priority)
        .append(' ')
        .append(address)
        .append(' ')
        .append(port)
        .append(" typ ")
        .append(type.sdpName());
    if (relatedAddress != null) {
      b.append(" raddr ").append(relatedAddress);
    }
    if (relatedPort != -1) {
      b.append(" rport ").append(relatedPort);
    }
    for (CandidateExtension e : extensions) {
      b.append(' ').append(e.name()).append(' ').append(e.value());
    }
    return b.toString();
  }

  /**
   * The address if {@code text} is an IPv4 or IPv6 literal. Checked by hand first, because {@link
   * InetAddress#getByName} would look a host name up in DNS.
   */
  static Optional<InetAddress> ipLiteral(String text) {
    boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+(%[0-9A-Za-z_.-]+)?");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    if (v4) {
      for (String part : text.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      return Optional.of(InetAddress.getByName(text)); // a literal: no lookup happens
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  static void checkToken(String text, String what) {
    if (text.isEmpty() || text.length() > 255 || text.indexOf(' ') >= 0) {
      throw new IllegalArgumentException(what + " must be 1 to 255 characters without spaces");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ' || c >= 0x7F) {
        throw new IllegalArgumentException(what + " must be visible ASCII: " + text);
      }
    }
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
  }

  private static boolean isIceChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Splits a line into space-separated tokens, remembering where each started. */
  private static final class Tokens {
    private final String line;
    private int pos;
    int start;

    Tokens(String line, int pos) {
      this.line = line;
      this.pos = pos;
    }

    boolean hasNext() {
      skipSpaces();
      return pos < line.length();
    }

    String next(String what) throws ParseException {
      skipSpaces();
      start = pos;
      while (pos < line.length() && line.charAt(pos) != ' ') {
        pos++;
      }
      if (start == pos) {
        throw new ParseException("missing " + what, start);
      }
      String token = line.substring(start, pos);
      try {
        checkToken(token, what);
      } catch (IllegalArgumentException e) {
        throw new ParseException(e.getMessage(), start);
      }
      return token;
    }

    long number(String what, int maxDigits, long min, long max) throws ParseException {
      String token = next(what);
      if (token.length() > maxDigits || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new ParseException(what + " must be at most " + maxDigits + " digits", start);
      }
      long value = Long.parseLong(token);
      if (value < min || value > max) {
        throw new ParseException(what + " out of range " + min + ".." + max, start);
      }
      return value;
    }

    private void skipSpaces() {
      while (pos < line.length() && line.charAt(pos) == ' ') {
        pos++;
      }
    }
  }
}
