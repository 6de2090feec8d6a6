package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a=candidate} (RFC 8839 §5.1): one ICE candidate, in a description or trickled:
 *
 * <pre>
 * 842163049 1 udp 1677729535 198.51.100.7 54321 typ srflx raddr 0.0.0.0 rport 0 generation 0
 * </pre>
 *
 * <p>{@code raddr}, {@code rport} and {@code tcptype} (RFC 6544 §4.5) are read wherever they stand
 * among the pairs after the type and written right after it, in that order, as browsers do; the
 * other pairs are kept as {@link Extension}s, in order. The transport and address stay as written
 * ({@code udp} or {@code UDP}; an IP literal or an mDNS {@code .local} name).
 *
 * @param foundation 1 to 32 ice-chars (letters, digits, {@code +} and {@code /})
 * @param component the component id, 1 to 256
 * @param transport the transport as written ({@code udp}, {@code UDP}, {@code tcp}...), a token
 * @param priority 0 to 2^32-1
 * @param address the connection address as written: an IP literal or a host name
 * @param port 0 to 65535
 * @param type host, srflx, prflx or relay
 * @param relatedAddress the {@code raddr}, or null
 * @param relatedPort the {@code rport}, 0 to 65535, or -1 if none
 * @param tcpType the {@code tcptype} of an ICE-TCP candidate, or null
 * @param extensions the other name-value pairs, in order
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    Candidate.Type type,
    String relatedAddress,
    int relatedPort,
    Candidate.TcpType tcpType,
    List<Candidate.Extension> extensions)
    implements TypedAttribute {

  /** The attribute name, {@code candidate}. */
  public static final String NAME = "candidate";

  /** {@link #relatedPort} when there is none. */
  public static final int NO_PORT = -1;

  /** The candidate types (RFC 8839 §5.1 candidate-types). */
  public enum Type {
    /** {@code host}: an address of the agent's own interface. */
    HOST("host"),
    /** {@code srflx}: server reflexive, the address a NAT gave, learned by STUN. */
    SRFLX("srflx"),
    /** {@code prflx}: peer reflexive, learned from a connectivity check. */
    PRFLX("prflx"),
    /** {@code relay}: an address on a TURN server. */
    RELAY("relay");

    private final String word;

    Type(String word) {
      this.word = word;
    }

    /** The word after {@code typ}. */
    @Override
    public String toString() {
      return word;
    }
  }

  /** The ICE-TCP candidate types (RFC 6544 §4.5). */
  public enum TcpType {
    /** {@code active}: opens connections, does not accept them. */
    ACTIVE("active"),
    /** {@code passive}: accepts connections, does not open them. */
    PASSIVE("passive"),
    /** {@code so}: simultaneous open. */
    SO("so");

    private final String word;

    TcpType(String word) {
      this.word = word;
    }

    /** The word after {@code tcptype}. */
    @Override
    public String toString() {
      return word;
    }
  }

  /**
   * A name-value pair after the standard fields (RFC 8839 §5.1 cand-extension), such as {@code
   * generation 0} or {@code network-cost 999}.
   *
   * @param name a token; not {@code raddr}, {@code rport} or {@code tcptype}
   * @param value visible characters without spaces
   */
  public record Extension(String name, String value) {
    /**
     * @throws IllegalArgumentException if the name is not a token or is one of the fields this
     *     record reads itself, or the value is empty or holds spaces
     */
    public Extension {
      Syntax.requireToken(name, "candidate extension name");
      Syntax.require(!isStandardPair(name), name + " is a candidate field, not an extension");
      Syntax.requireNonWs(value, "candidate extension value");
    }

    @Override
    public String toString() {
      return name + ' ' + value;
    }
  }

  /**
   * @throws IllegalArgumentException if a field is out of range or malformed
   */
  public Candidate {
    Syntax.require(
        foundation != null
            && !foundation.isEmpty()
            && foundation.length() <= 32
            && Syntax.isIceChars(foundation),
        "foundation must be 1 to 32 ice-chars: " + Syntax.quote(foundation));
    Syntax.require(component >= 1 && component <= 256, "component must be 1 to 256: " + component);
    Syntax.requireToken(transport, "transport");
    Syntax.require(
        priority >= 0 && priority <= 0xFFFF_FFFFL, "priority must be 0 to 2^32-1: " + priority);
    Syntax.requireNonWs(address, "candidate address");
    Syntax.requirePort(port, "candidate port");
    Objects.requireNonNull(type, "type");
    if (relatedAddress != null) {
      Syntax.requireNonWs(relatedAddress, "related address");
    }
    if (relatedPort != NO_PORT) {
      Syntax.requirePort(relatedPort, "related port");
    }
    extensions = List.copyOf(extensions);
  }

  /** A candidate with no related address, TCP type or extensions. */
  public static Candidate of(
      String foundation,
      int component,
      String transport,
      long priority,
      String address,
      int port,
      Type type) {
    return new Candidate(
        foundation,
        component,
        transport,
        priority,
        address,
        port,
        type,
        null,
        NO_PORT,
        null,
        List.of());
  }

  /**
   * Parses the value of {@code a=candidate}. For a trickled candidate that still has its {@code
   * candidate:} (or {@code a=candidate:}) in front, use {@link Attribute#parse} first.
   *
   * @throws SdpParseException if it is not a well-formed candidate
   */
  public static Candidate parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String foundation = cursor.require("foundation");
    int component = Syntax.intNumber(cursor.require("component"), 1, 256, "component");
    String transport = cursor.require("transport");
    long priority = Syntax.number(cursor.require("priority"), 0, 0xFFFF_FFFFL, "priority");
    String address = cursor.require("address");
    int port = Syntax.intNumber(cursor.require("port"), 0, 0xFFFF, "port");
    if (!"typ".equals(cursor.require("typ"))) {
      throw new SdpParseException("expected typ after the port", 0);
    }
    Type type = type(cursor.require("candidate type"));
    String relatedAddress = null;
    int relatedPort = NO_PORT;
    TcpType tcpType = null;
    List<Extension> extensions = new ArrayList<>();
    for (String field = cursor.next(); field != null; field = cursor.next()) {
      String name = field;
      String pairValue = cursor.require("value of " + name);
      switch (name) {
        case "raddr" -> {
          if (relatedAddress != null) {
            throw new SdpParseException("raddr given twice", 0);
          }
          relatedAddress = pairValue;
        }
        case "rport" -> {
          if (relatedPort != NO_PORT) {
            throw new SdpParseException("rport given twice", 0);
          }
          relatedPort = Syntax.intNumber(pairValue, 0, 0xFFFF, "rport");
        }
        case "tcptype" -> {
          if (tcpType != null) {
            throw new SdpParseException("tcptype given twice", 0);
          }
          tcpType = tcpType(pairValue);
        }
        default -> extensions.add(Syntax.build(() -> new Extension(name, pairValue)));
      }
    }
    String raddr = relatedAddress;
    int rport = relatedPort;
    TcpType tcp = tcpType;
    return Syntax.build(
        () ->
            new Candidate(
                foundation,
                component,
                transport,
                priority,
                address,
                port,
                type,
                raddr,
                rport,
                tcp,
                extensions));
  }

  /** The value of extension {@code name}, or null. */
  public String extension(String name) {
    for (Extension e : extensions) {
      if (e.name.equals(name)) {
        return e.value;
      }
    }
    return null;
  }

  /** The text a trickled candidate travels as: {@code candidate:<value>}. */
  public String toTrickleString() {
    return NAME + ':' + this;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder()
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
            .append(type);
    if (relatedAddress != null) {
      s.append(" raddr ").append(relatedAddress);
    }
    if (relatedPort != NO_PORT) {
      s.append(" rport ").append(relatedPort);
    }
    if (tcpType != null) {
      s.append(" tcptype ").append(tcpType);
    }
    for (Extension e : extensions) {
      s.append(' ').append(e);
    }
    return s.toString();
  }

  private static Type type(String word) throws SdpParseException {
    for (Type t : Type.values()) {
      if (t.word.equals(word)) {
        return t;
      }
    }
    throw new SdpParseException(
        "candidate type must be host, srflx, prflx or relay: " + Syntax.quote(word), 0);
  }

  private static TcpType tcpType(String word) throws SdpParseException {
    for (TcpType t : TcpType.values()) {
      if (t.word.equals(word)) {
        return t;
      }
    }
    throw new SdpParseException("tcptype must be active, passive or so: " + Syntax.quote(word), 0);
  }

  private static boolean isStandardPair(String name) {
    return name.equals("raddr") || name.equals("rport") || name.equals("tcptype");
  }
}
