package org.rtc4j.datachannel;

/**
 * A data channel operation could not be carried out, though it was called correctly and in a state
 * that allows it: W3C's {@code OperationError}. For example, every stream id of our parity is in
 * use, or a negotiated channel's id is already taken.
 */
public class DataChannelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not be done, and why
   */
  public DataChannelException(String message) {
    super(message);
  }
}
