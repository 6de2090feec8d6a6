package org.rtc4j.sdp;

/**
 * A session description that is not valid SDP (RFC 8866), or lacks what WebRTC requires: what was
 * wrong, and on which line.
 */
public final class SdpParseException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;

  /**
   * @param reason what was wrong
   * @param line the 1-based line number, or 0 when it concerns the whole description
   */
  public SdpParseException(String reason, int line) {
    super(line > 0 ? reason + " (line " + line + ")" : reason);
    this.line = line;
  }

  /** The 1-based line number of the problem, or 0 when it concerns the whole description. */
  public int line() {
    return line;
  }
}
