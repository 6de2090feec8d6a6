package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code a=rid} (RFC 8851 §10): an RTP stream of the section, named by its RID, with the payload
 * types it may use and the limits it keeps: {@code h send}, {@code 1 send
 * pt=96,97;max-width=1280;max-height=720}.
 *
 * @param id the RID (rid-id: letters, digits, {@code -} and {@code _})
 * @param direction whether the writer sends or receives the stream
 * @param payloadTypes the payload types of {@code pt=}, each 0 to 127, in order; empty if none
 * @param restrictions the other parameters ({@code max-width=1280}, {@code depend=0}...), in order
 */
public record Rid(
    String id, Rid.Direction direction, List<Integer> payloadTypes, List<Restriction> restrictions)
    implements TypedAttribute {
  /** The attribute name, {@code rid}. */
  public static final String NAME = "rid";

  /** Whether the writer sends or receives a RID's stream (RFC 8851 §10 rid-dir). */
  public enum Direction {
    /** {@code send}. */
    SEND("send"),
    /** {@code recv}. */
    RECV("recv");

    private final String word;

    Direction(String word) {
      this.word = word;
    }

    /** The word in the attribute. */
    @Override
    public String toString() {
      return word;
    }
  }

  /**
   * One restriction of a RID (RFC 8851 §10 rid-param): {@code max-width=1280}, or a name alone.
   *
   * @param name letters, digits and {@code -}; not {@code pt}
   * @param value the value after {@code =} (printable characters but {@code ;}, no spaces at either
   *     end), or null for a name alone
   */
  public record Restriction(String name, String value) {
    /**
     * @throws IllegalArgumentException if the name or value has characters RFC 8851 forbids
     */
    public Restriction {
      Syntax.require(
          isParamName(name) && !name.equals("pt"), "rid parameter name: " + Syntax.quote(name));
      if (value != null) {
        Syntax.require(isParamValue(value), "rid parameter value: " + Syntax.quote(value));
      }
    }

    @Override
    public String toString() {
      return value == null ? name : name + '=' + value;
    }
  }

  /**
   * @throws IllegalArgumentException if the id, a payload type or a restriction is malformed
   */
  public Rid {
    Syntax.require(
        Syntax.isRidId(id), "rid id must be letters, digits, - and _: " + Syntax.quote(id));
    Objects.requireNonNull(direction, "direction");
    payloadTypes = List.copyOf(payloadTypes);
    for (int pt : payloadTypes) {
      Syntax.require(pt >= 0 && pt <= 127, "payload type must be 0 to 127: " + pt);
    }
    restrictions = List.copyOf(restrictions);
  }

  /** A RID without payload types or restrictions. */
  public static Rid of(String id, Rid.Direction direction) {
    return new Rid(id, direction, List.of(), List.of());
  }

  /**
   * Parses the value of {@code a=rid}: {@code <id> send|recv [pt=<pt>,...][;<name>[=<value>]]...}.
   *
   * @throws SdpParseException if it is not of that form
   */
  public static Rid parse(String value) throws SdpParseException {
    Syntax.Cursor cursor = new Syntax.Cursor(value);
    String id = cursor.require("rid id");
    String dir = cursor.require("rid direction");
    Rid.Direction direction;
    if (dir.equals("send")) {
      direction = Rid.Direction.SEND;
    } else if (dir.equals("recv")) {
      direction = Rid.Direction.RECV;
    } else {
      throw new SdpParseException("rid direction must be send or recv: " + Syntax.quote(dir), 0);
    }
    String params = cursor.rest();
    List<Integer> payloadTypes = new ArrayList<>();
    List<Restriction> restrictions = new ArrayList<>();
    if (params != null) {
      String[] parts = params.split(";", -1);
      for (int i = 0; i < parts.length; i++) {
        String part = parts[i].strip();
        if (i == 0 && part.startsWith("pt=")) {
          for (String pt : part.substring(3).split(",", -1)) {
            payloadTypes.add(Syntax.intNumber(pt.strip(), 0, 127, "rid payload type"));
          }
          continue;
        }
        int eq = part.indexOf('=');
        String name = eq < 0 ? part : part.substring(0, eq).strip();
        String paramValue = eq < 0 ? null : part.substring(eq + 1).strip();
        restrictions.add(Syntax.build(() -> new Restriction(name, paramValue)));
      }
    }
    return Syntax.build(() -> new Rid(id, direction, payloadTypes, restrictions));
  }

  /** The value of restriction {@code name}, or null (also for a name without value). */
  public String restriction(String name) {
    for (Restriction r : restrictions) {
      if (r.name.equals(name)) {
        return r.value;
      }
    }
    return null;
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(id).append(' ').append(direction);
    String separator = " ";
    if (!payloadTypes.isEmpty()) {
      s.append(" pt=");
      for (int i = 0; i < payloadTypes.size(); i++) {
        s.append(i == 0 ? "" : ",").append(payloadTypes.get(i));
      }
      separator = ";";
    }
    for (Restriction r : restrictions) {
      s.append(separator).append(r);
      separator = ";";
    }
    return s.toString();
  }

  /** RFC 8851 §10 rid-param-other name: letters, digits and {@code -}. */
  private static boolean isParamName(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8851 §10 param-val: printable ASCII but {@code ;}; here without spaces at either end. */
  private static boolean isParamValue(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == ';') {
        return false;
      }
    }
    return s.isEmpty() || (s.charAt(0) != ' ' && s.charAt(s.length() - 1) != ' ');
  }
}
