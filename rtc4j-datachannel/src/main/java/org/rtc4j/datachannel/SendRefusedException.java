package org.rtc4j.datachannel;

import java.util.Objects;
import org.rtc4j.sctp.SendStatus;

/**
 * The association did not take a message handed to {@link DataChannel#send}: its send buffer was
 * full, the message was larger than it takes, or the stream or association was closing. The message
 * was not queued and will not be sent; the caller still has it and may send it again (for {@link
 * SendStatus#BUFFER_FULL}, after a {@link DataChannelEvent.BufferedAmountLow} event).
 */
public final class SendRefusedException extends DataChannelException {
  private static final long serialVersionUID = 1L;

  private final SendStatus status;

  /**
   * @param status why the association refused the message; not {@link SendStatus#QUEUED}
   * @param message the channel and message the refusal is about
   */
  public SendRefusedException(SendStatus status, String message) {
    super(message + ": " + Objects.requireNonNull(status, "status"));
    if (status == SendStatus.QUEUED) {
      throw new IllegalArgumentException("a queued message was not refused");
    }
    this.status = status;
  }

  /** Why the association refused the message. */
  public SendStatus status() {
    return status;
  }
}
