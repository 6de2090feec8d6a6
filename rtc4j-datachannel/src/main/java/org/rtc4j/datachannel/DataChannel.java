package org.rtc4j.datachannel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import org.rtc4j.datachannel.dcep.ChannelType;
import org.rtc4j.datachannel.dcep.Utf8Text;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * One WebRTC data channel (RFC 8831): a bidirectional pair of SCTP streams with the same id, shaped
 * like W3C's {@code RTCDataChannel}. Created by {@link DataChannels#createDataChannel} or, when the
 * peer opens one, announced by a {@link DataChannelEvent.Incoming} event.
 *
 * <p>Its stream id is known from the start: our DTLS role fixes the parity of the ids we choose
 * (RFC 8832 §6), and a negotiated channel brings its own. Sending is allowed only while {@link
 * DataChannelState#OPEN}. What happens to the channel afterwards arrives as {@link
 * DataChannelEvent}s from its {@link DataChannels}. Not thread-safe: use it from the thread that
 * drives its {@link DataChannels}.
 */
public final class DataChannel {
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final DataChannels owner;
  private final DataChannelTransport transport;
  private final String label;
  private final String protocol;
  private int id;
  private final ChannelType channelType;
  private final long reliabilityParameter;
  private final boolean negotiated;
  private final SendOptions options;

  private DataChannelState state;
  private long bufferedAmountLowThreshold;
  private long bufferedAmountWhenClosed;

  /**
   * RFC 8832 §6: until the peer's DATA_CHANNEL_ACK, or any other message, arrives on a channel we
   * opened, our messages go ordered whatever the channel's type, so none can overtake the OPEN.
   */
  private boolean awaitingAck;

  /** The closing procedure (RFC 8831 §6.7): our outgoing stream reset was asked for. */
  private boolean outgoingResetRequested;

  /** Our outgoing stream reset completed. */
  private boolean outgoingReset;

  /** The peer reset its outgoing stream, our incoming one. */
  private boolean incomingReset;

  DataChannel(
      DataChannels owner,
      DataChannelTransport transport,
      int id,
      String label,
      String protocol,
      ChannelType channelType,
      long reliabilityParameter,
      boolean negotiated,
      DataChannelState state) {
    this.owner = owner;
    this.transport = transport;
    this.id = id;
    this.label = label;
    this.protocol = protocol;
    this.channelType = channelType;
    this.reliabilityParameter = channelType.reliable() ? 0 : reliabilityParameter;
    this.negotiated = negotiated;
    this.state = state;
    this.options =
        new SendOptions(
            !channelType.ordered(),
            channelType.limitsRetransmissions() ? reliabilityParameter : SendOptions.UNLIMITED,
            channelType.limitsLifetime()
                ? reliabilityParameter * NANOS_PER_MILLI
                : SendOptions.UNLIMITED);
  }

  /** The label given when the channel was created; may be empty, and need not be unique. */
  public String label() {
    return label;
  }

  /** The subprotocol; empty if none. */
  public String protocol() {
    return protocol;
  }

  /**
   * The SCTP stream id, 0–65534: the same in both directions and on both sides; -1 (W3C's null) for
   * an in-band channel created before the DTLS role was known.
   */
  public int id() {
    return id;
  }

  /** Gives an in-band channel created before the DTLS role was known its stream id. */
  void assignId(int streamId) {
    this.id = streamId;
  }

  /** Whether messages are delivered in the order they were sent. */
  public boolean ordered() {
    return channelType.ordered();
  }

  /**
   * The retransmission limit, if the channel has one. A channel the peer opened may have any 32-bit
   * limit, hence a long.
   */
  public OptionalLong maxRetransmits() {
    return channelType.limitsRetransmissions()
        ? OptionalLong.of(reliabilityParameter)
        : OptionalLong.empty();
  }

  /** The lifetime limit of a message in milliseconds, if the channel has one. */
  public OptionalLong maxPacketLifeTime() {
    return channelType.limitsLifetime()
        ? OptionalLong.of(reliabilityParameter)
        : OptionalLong.empty();
  }

  /** Whether the channel was agreed out of band, without DATA_CHANNEL_OPEN. */
  public boolean negotiated() {
    return negotiated;
  }

  /** Where the channel is in its life. */
  public DataChannelState readyState() {
    return state;
  }

  /**
   * Bytes sent on this channel and not yet handed to the network (W3C's {@code bufferedAmount}). An
   * empty message counts as the one byte that goes on the wire (RFC 8831 §6.6). Once the channel is
   * closed, the amount it had when the association went away, or 0 after a clean close (the stream
   * reset waits for everything queued to be sent).
   */
  public long bufferedAmount() {
    return switch (state) {
      case CONNECTING -> 0;
      case OPEN, CLOSING -> transport.bufferedAmount(id);
      case CLOSED -> bufferedAmountWhenClosed;
    };
  }

  /** The level at or below which a fall of the buffered amount raises an event; 0 by default. */
  public long bufferedAmountLowThreshold() {
    return bufferedAmountLowThreshold;
  }

  /**
   * Sets the level at or below which a fall of {@link #bufferedAmount()} raises a {@link
   * DataChannelEvent.BufferedAmountLow} event.
   *
   * @throws IllegalArgumentException if {@code threshold} is negative
   */
  public void setBufferedAmountLowThreshold(long threshold) {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold is at least 0: " + threshold);
    }
    bufferedAmountLowThreshold = threshold;
    if (state == DataChannelState.OPEN || state == DataChannelState.CLOSING) {
      transport.setBufferedAmountLowThreshold(id, threshold);
    }
  }

  /**
   * Sends a text message as UTF-8 (PPID 51; an empty one as PPID 56 with one zero byte, RFC 8831
   * §6.6). Unpaired surrogates are sent as U+FFFD (the text is a USVString).
   *
   * @throws IllegalStateException (W3C's {@code InvalidStateError}) unless the channel is {@link
   *     DataChannelState#OPEN}
   * @throws SendRefusedException (W3C's {@code OperationError}) if the association did not take the
   *     message; it was not sent
   */
  public void send(String text) {
    Objects.requireNonNull(text, "text");
    checkOpen();
    byte[] bytes = Utf8Text.scalarValues(text).getBytes(StandardCharsets.UTF_8);
    if (bytes.length == 0) {
      transmit(PayloadProtocolId.STRING_EMPTY, new byte[1]);
    } else {
      transmit(PayloadProtocolId.STRING, bytes);
    }
  }

  /**
   * Sends a binary message (PPID 53; an empty one as PPID 57 with one zero byte, RFC 8831 §6.6).
   * The bytes are copied: the caller may change {@code data} afterwards.
   *
   * @throws IllegalStateException (W3C's {@code InvalidStateError}) unless the channel is {@link
   *     DataChannelState#OPEN}
   * @throws SendRefusedException (W3C's {@code OperationError}) if the association did not take the
   *     message; it was not sent
   */
  public void send(byte[] data) {
    Objects.requireNonNull(data, "data");
    checkOpen();
    sendBinary(Arrays.copyOf(data, data.length));
  }

  /**
   * Sends the remaining bytes of {@code data} as a binary message, as {@link #send(byte[])} does.
   * The buffer's position is not moved.
   *
   * @throws IllegalStateException (W3C's {@code InvalidStateError}) unless the channel is {@link
   *     DataChannelState#OPEN}
   * @throws SendRefusedException (W3C's {@code OperationError}) if the association did not take the
   *     message; it was not sent
   */
  public void send(ByteBuffer data) {
    Objects.requireNonNull(data, "data");
    checkOpen();
    byte[] bytes = new byte[data.remaining()];
    data.duplicate().get(bytes);
    sendBinary(bytes);
  }

  /**
   * Starts closing the channel (W3C's {@code close()}, RFC 8831 §6.7): it becomes {@link
   * DataChannelState#CLOSING} and its outgoing stream is reset once what was already sent has gone
   * out. It is {@link DataChannelState#CLOSED} (a {@link DataChannelEvent.Close} event) when the
   * peer has reset its own stream too. A channel whose association never connected closes at once.
   * Closing a closing or closed channel does nothing.
   */
  public void close() {
    owner.close(this);
  }

  @Override
  public String toString() {
    return "DataChannel[" + id + " '" + label + "' " + state + "]";
  }

  private void sendBinary(byte[] bytes) {
    if (bytes.length == 0) {
      transmit(PayloadProtocolId.BINARY_EMPTY, new byte[1]);
    } else {
      transmit(PayloadProtocolId.BINARY, bytes);
    }
  }

  private void checkOpen() {
    if (state != DataChannelState.OPEN) {
      throw new IllegalStateException("cannot send on " + this + ": it is not open");
    }
  }

  private void transmit(int ppid, byte[] payload) {
    // RFC 8832 §6: ordered until the peer has answered our DATA_CHANNEL_OPEN.
    SendOptions sendOptions =
        awaitingAck && options.unordered()
            ? new SendOptions(false, options.maxRetransmits(), options.maxLifetimeNanos())
            : options;
    SendStatus status = transport.send(id, ppid, payload, sendOptions);
    if (status != SendStatus.QUEUED) {
      throw new SendRefusedException(
          status, "a message of " + payload.length + " bytes on " + this + " was not sent");
    }
  }

  // What DataChannels changes as the channel goes through its life.

  ChannelType channelType() {
    return channelType;
  }

  long reliabilityParameter() {
    return reliabilityParameter;
  }

  void setState(DataChannelState state) {
    this.state = state;
  }

  boolean awaitingAck() {
    return awaitingAck;
  }

  void setAwaitingAck(boolean awaitingAck) {
    this.awaitingAck = awaitingAck;
  }

  boolean outgoingResetRequested() {
    return outgoingResetRequested;
  }

  void markOutgoingResetRequested() {
    outgoingResetRequested = true;
  }

  boolean outgoingReset() {
    return outgoingReset;
  }

  void markOutgoingReset() {
    outgoingReset = true;
  }

  boolean incomingReset() {
    return incomingReset;
  }

  void markIncomingReset() {
    incomingReset = true;
  }

  void setBufferedAmountWhenClosed(long amount) {
    bufferedAmountWhenClosed = amount;
  }
}
