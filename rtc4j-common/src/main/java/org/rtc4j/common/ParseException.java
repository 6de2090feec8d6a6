package org.rtc4j.common;

/**
 * Input bytes could not be parsed: truncated, inconsistent, or against the protocol's rules.
 *
 * <p>This is the one exception every rtc4j parser throws for bad input, whatever the protocol. It
 * says what was wrong and the offset, within the bytes handed to the parser, at which the parser
 * found it. Parsers throw nothing else for any input; a state machine that receives bad input from
 * the network catches this, drops the input and counts the drop.
 */
public class ParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int offset;

  /**
   * @param reason what was wrong, in the protocol's words
   * @param offset where in the input the parser found it
   */
  public ParseException(String reason, int offset) {
    super(reason + " (at offset " + offset + ")");
    this.reason = reason;
    this.offset = offset;
  }

  /** What was wrong, without the offset (for a parser that wraps an inner parser's error). */
  public String reason() {
    return reason;
  }

  /** The offset in the input at which the problem was found. */
  public int offset() {
    return offset;
  }
}
