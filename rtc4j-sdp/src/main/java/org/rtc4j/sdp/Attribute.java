package org.rtc4j.sdp;

import java.util.Objects;

/**
 * One attribute line of a description, {@code a=<name>} or {@code a=<name>:<value>} (RFC 8866
 * §5.13), kept as written: a description holds every attribute, known or not, in order.
 *
 * <p>An attribute whose name has a typed view in this package ({@code candidate}, {@code mid},
 * {@code rtpmap}, {@code rtcp-mux}...) must have a value that view accepts, so that every attribute
 * a description holds can be read through its view; {@link #of} and the constructor refuse anything
 * else.
 *
 * @param name the attribute name, a token (RFC 8866 §9); case-sensitive
 * @param value the value after the colon, as written (an empty string for {@code a=name:}), or null
 *     for a property attribute such as {@code a=rtcp-mux}
 */
public record Attribute(String name, String value) {

  /**
   * @throws IllegalArgumentException if the name is not a token, the value holds control
   *     characters, or the attribute is one this package knows and its value is malformed
   */
  public Attribute {
    Syntax.requireToken(name, "attribute name");
    if (value != null) {
      Syntax.requireText(value, "value of a=" + name);
    }
    try {
      KnownAttributes.check(name, value);
    } catch (SdpParseException e) {
      throw new IllegalArgumentException("a=" + name + ": " + e.getMessage(), e);
    }
  }

  /** The attribute {@code a=<name>:<value>}. */
  public static Attribute of(String name, String value) {
    return new Attribute(name, Objects.requireNonNull(value, "value"));
  }

  /** The property attribute {@code a=<name>}, with no value. */
  public static Attribute property(String name) {
    return new Attribute(name, null);
  }

  /**
   * Parses the text of an attribute line after {@code a=}: {@code name} or {@code name:value}. A
   * leading {@code a=} is also accepted, so that a trickled candidate ({@code candidate:...} or
   * {@code a=candidate:...}) parses too.
   *
   * @throws SdpParseException if the name is not a token or a known attribute's value is malformed
   */
  public static Attribute parse(String text) throws SdpParseException {
    return parseLineValue(text.startsWith("a=") ? text.substring(2) : text);
  }

  /**
   * Parses the text after {@code a=} of an attribute line, exactly: no {@code a=} is skipped.
   *
   * @throws SdpParseException as {@link #parse} does
   */
  static Attribute parseLineValue(String rest) throws SdpParseException {
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    String value = colon < 0 ? null : rest.substring(colon + 1);
    if (!Syntax.isToken(name)) {
      throw new SdpParseException("attribute name must be a token: " + Syntax.quote(name), 0);
    }
    if (value != null && !Syntax.isText(value)) {
      throw new SdpParseException("a=" + name + " holds a control character", 0);
    }
    try {
      KnownAttributes.check(name, value);
    } catch (SdpParseException e) {
      SdpParseException failure = new SdpParseException("a=" + name + ": " + e.getMessage(), 0);
      failure.initCause(e);
      throw failure;
    }
    return new Attribute(name, value);
  }

  /** Whether this is a property attribute ({@code a=name}, no value). */
  public boolean isProperty() {
    return value == null;
  }

  /** The line's text after {@code a=}: {@code name} or {@code name:value}. */
  @Override
  public String toString() {
    return value == null ? name : name + ':' + value;
  }
}
