package org.rtc4j.sdp;

import java.util.List;

/**
 * {@code a=ice-options} (RFC 8839 §5.6): the ICE extensions the writer supports, such as {@code
 * trickle} (RFC 8840) or {@code ice2} (RFC 8445).
 *
 * @param options one or more option tags, tokens, in order
 */
public record IceOptions(List<String> options) implements TypedAttribute {
  /** The attribute name, {@code ice-options}. */
  public static final String NAME = "ice-options";

  /** The option that announces trickle ICE (RFC 8840 §4.1.1). */
  public static final String TRICKLE = "trickle";

  /**
   * @throws IllegalArgumentException if there is no option or one is not a token
   */
  public IceOptions {
    options = List.copyOf(options);
    Syntax.require(!options.isEmpty(), "ice-options needs at least one option");
    for (String option : options) {
      Syntax.requireToken(option, "ice option");
    }
  }

  /** The options given. */
  public static IceOptions of(String... options) {
    return new IceOptions(List.of(options));
  }

  /**
   * Parses the value of {@code a=ice-options}.
   *
   * @throws SdpParseException if there is no option or one is not a token
   */
  public static IceOptions parse(String value) throws SdpParseException {
    List<String> fields = Syntax.fields(value);
    return Syntax.build(() -> new IceOptions(fields));
  }

  /** Whether {@code option} is among the options. */
  public boolean has(String option) {
    return options.contains(option);
  }

  @Override
  public Attribute toAttribute() {
    return Attribute.of(NAME, toString());
  }

  @Override
  public String toString() {
    return String.join(" ", options);
  }
}
