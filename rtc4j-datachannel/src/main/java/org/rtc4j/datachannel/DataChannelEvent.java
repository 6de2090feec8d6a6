package org.rtc4j.datachannel;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link DataChannels} tells its owner, polled with {@link DataChannels#pollEvent()}: W3C's
 * data channel events, each naming its channel.
 */
public sealed interface DataChannelEvent {
  /** The channel the event is about. */
  DataChannel channel();

  /**
   * The peer opened a channel (W3C's {@code datachannel} event on the peer connection). An {@link
   * Open} for it follows at once.
   *
   * @param channel the new channel, already {@link DataChannelState#OPEN}
   */
  record Incoming(DataChannel channel) implements DataChannelEvent {
    /** Checks the channel is there. */
    public Incoming {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * The channel is open: messages can be sent (W3C's {@code open}).
   *
   * @param channel the channel
   */
  record Open(DataChannel channel) implements DataChannelEvent {
    /** Checks the channel is there. */
    public Open {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * A text message arrived (PPID 51, or 56 for an empty one: RFC 8831 §6.6). Bytes that are not
   * UTF-8 were replaced with U+FFFD, as W3C's UTF-8 decode does.
   *
   * @param channel the channel it arrived on
   * @param text the message
   */
  record TextMessage(DataChannel channel, String text) implements DataChannelEvent {
    /** Checks both are there. */
    public TextMessage {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A binary message arrived (PPID 53, or 57 for an empty one: RFC 8831 §6.6). Two are equal if
   * their channels are and their bytes are.
   *
   * @param channel the channel it arrived on
   * @param data the message; the event's own array, which the receiver may keep
   */
  record BinaryMessage(DataChannel channel, byte[] data) implements DataChannelEvent {
    /** Checks both are there. */
    public BinaryMessage {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BinaryMessage other
          && channel == other.channel
          && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
      return 31 * channel.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "BinaryMessage[channel=" + channel + ", " + data.length + " bytes]";
    }
  }

  /**
   * The channel's buffered amount fell to its threshold or below (W3C's {@code bufferedamountlow}):
   * room to send more.
   *
   * @param channel the channel
   */
  record BufferedAmountLow(DataChannel channel) implements DataChannelEvent {
    /** Checks the channel is there. */
    public BufferedAmountLow {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * The peer started closing the channel (W3C's {@code closing}): it is {@link
   * DataChannelState#CLOSING}. Not raised when {@link DataChannel#close()} started it, as in W3C.
   *
   * @param channel the channel
   */
  record Closing(DataChannel channel) implements DataChannelEvent {
    /** Checks the channel is there. */
    public Closing {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * The channel is {@link DataChannelState#CLOSED} (W3C's {@code close}); its id is free again.
   *
   * @param channel the channel
   */
  record Close(DataChannel channel) implements DataChannelEvent {
    /** Checks the channel is there. */
    public Close {
      Objects.requireNonNull(channel, "channel");
    }
  }

  /**
   * Something went wrong with the channel and it is being closed (W3C's {@code error}); a {@link
   * Close} follows, at once or when the closing procedure ends.
   *
   * @param channel the channel
   * @param reason what went wrong
   */
  record Error(DataChannel channel, String reason) implements DataChannelEvent {
    /** Checks both are there. */
    public Error {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
