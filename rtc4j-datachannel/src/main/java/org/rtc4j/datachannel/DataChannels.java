package org.rtc4j.datachannel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.datachannel.dcep.ChannelType;
import org.rtc4j.datachannel.dcep.DataChannelAck;
import org.rtc4j.datachannel.dcep.DataChannelOpen;
import org.rtc4j.datachannel.dcep.DcepMessage;
import org.rtc4j.datachannel.dcep.Utf8Text;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SctpEvent;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * The data channels of one SCTP association (RFC 8831), opened in band with the Data Channel
 * Establishment Protocol (RFC 8832) or negotiated out of band, sans-I/O.
 *
 * <p>The application creates channels with {@link #createDataChannel} and polls what happens with
 * {@link #pollEvent()}. The owner of the association hands in what the association reports: {@link
 * #handleConnected()}, {@link #handleMessage}, {@link #handleIncomingStreamsReset}, {@link
 * #handleOutgoingStreamsReset}, {@link #handleBufferedAmountLow} and {@link #handleClosed()}; and
 * the channels use the association through {@link DataChannelTransport}.
 *
 * <p>How a channel opens:
 *
 * <ul>
 *   <li>A channel created before the association is connected waits in {@link
 *       DataChannelState#CONNECTING}; {@link #handleConnected()} opens it.
 *   <li>An in-band channel gets the lowest free stream id of our parity: even if we are the DTLS
 *       client, odd if the server (RFC 8832 §6), so the two sides never choose the same id. Its
 *       DATA_CHANNEL_OPEN goes out reliably and ordered with PPID 50, and the channel is {@link
 *       DataChannelState#OPEN} as soon as the association has taken it, without waiting for the
 *       peer's DATA_CHANNEL_ACK: RFC 8832 §6 lets the opener send at once, W3C announces a channel
 *       open when its stream is ready, and browsers (libwebrtc, Firefox) do the same. Until the ACK
 *       (or any other message) arrives on it, its messages are sent ordered even on an unordered
 *       channel, so that none overtakes the OPEN (RFC 8832 §6).
 *   <li>A negotiated channel opens as soon as the association is connected; nothing is sent.
 *   <li>When the peer opens a channel, it is created {@link DataChannelState#OPEN}, a
 *       DATA_CHANNEL_ACK is sent, and {@link DataChannelEvent.Incoming} then {@link
 *       DataChannelEvent.Open} are raised. An OPEN on a stream id of our own parity, on a stream in
 *       use, or beyond {@link DataChannelLimits#maxChannels()} is refused by resetting its stream
 *       (RFC 8832 §6); an OPEN on the stream of an existing channel closes that channel, as the RFC
 *       says.
 * </ul>
 *
 * <p>How a channel closes (RFC 8831 §6.7): the side that closes resets its outgoing stream; the
 * other sees its incoming stream reset, raises {@link DataChannelEvent.Closing}, and resets its own
 * outgoing stream. Each side's channel is {@link DataChannelState#CLOSED} once both directions are
 * reset, and only then is its id free for a new channel. {@link #handleClosed()} closes everything
 * at once.
 *
 * <p>Received messages are delivered only on open channels (W3C discards those that arrive while
 * closing). Bad input from the peer never throws: it is dropped and counted in {@link #drops()}.
 * User data on a stream without a channel is dropped rather than answered with a reset, because the
 * peer may be sending on a negotiated channel that the application here has not created yet (as
 * libwebrtc does). Everything held is bounded by {@link DataChannelLimits}. Not thread-safe.
 */
public final class DataChannels {
  /** The most channels an association can carry: stream ids 0–65534 (65535 is not used). */
  public static final int MAX_CHANNELS = 65_535;

  /** The largest stream id a channel may have. */
  public static final int MAX_STREAM_ID = 65_534;

  /** The longest label or protocol, in bytes of UTF-8: its length field is 16 bits (RFC 8832). */
  public static final int MAX_STRING_BYTES = 0xFFFF;

  /** RFC 8831 §6.4: the "normal" priority, W3C's default ({@code "low"}). */
  private static final int NORMAL_PRIORITY = 256;

  /** Why input from the association was dropped. */
  public enum Drop {
    /** A DCEP message (PPID 50) that did not parse. */
    MALFORMED_DCEP,
    /** A DATA_CHANNEL_ACK on a stream with no channel waiting for one. */
    UNEXPECTED_DCEP,
    /**
     * A DATA_CHANNEL_OPEN refused: on a stream id of our parity, on a stream in use or being reset,
     * or on stream 65535; or its DATA_CHANNEL_ACK could not be sent.
     */
    OPEN_REFUSED,
    /** A DATA_CHANNEL_OPEN refused because of {@link DataChannelLimits}. */
    OPEN_OVER_LIMIT,
    /** A message with a PPID that data channels do not use (nor the deprecated 52 and 54). */
    UNKNOWN_PPID,
    /** User data on a stream with no channel. */
    UNKNOWN_STREAM,
    /** User data on a channel that is not open (closing, or the association is closed). */
    NOT_OPEN,
    /**
     * A message or buffered-amount-low event that did not fit in the event queue; a message's
     * channel is then closed with an error.
     */
    EVENT_QUEUE_FULL,
    /** The peer refused to reset one of our outgoing streams; its channel stays closing. */
    RESET_REFUSED
  }

  /** An event and the bytes of message it holds against {@link #queuedMessageBytes}. */
  private record Queued(DataChannelEvent event, long messageBytes) {}

  private final DataChannelTransport transport;

  /** Whether we are the DTLS client; null while the role is not known yet. */
  private Boolean dtlsClient;

  /** In-band channels created before the DTLS role was known: they get their ids from it. */
  private final List<DataChannel> awaitingId = new ArrayList<>();

  private final DataChannelLimits limits;
  private final DropCounts<Drop> drops = new DropCounts<>(Drop.class);

  /** The channels not yet closed, by stream id, in the order they were created. */
  private final Map<Integer, DataChannel> channels = new LinkedHashMap<>();

  /**
   * Streams with no channel whose outgoing side we are resetting (a refused OPEN, or the peer
   * resetting a stream we had no channel on): their ids are not free until the reset completes.
   */
  private final BitSet refusalOutgoingPending = new BitSet();

  /** Refused streams whose incoming side the peer has yet to reset. */
  private final BitSet refusalIncomingPending = new BitSet();

  /**
   * The stream ids held by a channel or an unfinished refusal, by parity: bit {@code id >>> 1} of
   * {@code taken[id & 1]}, so that the lowest free id of a parity is one {@link
   * BitSet#nextClearBit} away.
   */
  private final BitSet[] taken = {new BitSet(), new BitSet()};

  private final ArrayDeque<Queued> events = new ArrayDeque<>();
  private long queuedMessageBytes;
  private boolean connected;
  private boolean closed;

  /**
   * Data channels over {@code transport} with {@link DataChannelLimits#DEFAULT}.
   *
   * @param transport the association
   * @param dtlsClient whether we are the DTLS client: we then choose even stream ids, else odd
   */
  public DataChannels(DataChannelTransport transport, boolean dtlsClient) {
    this(transport, dtlsClient, DataChannelLimits.DEFAULT);
  }

  /**
   * Data channels over {@code transport}.
   *
   * @param transport the association
   * @param dtlsClient whether we are the DTLS client: we then choose even stream ids, else odd
   * @param limits what may be held at once
   */
  public DataChannels(
      DataChannelTransport transport, boolean dtlsClient, DataChannelLimits limits) {
    this(transport, limits);
    this.dtlsClient = dtlsClient;
  }

  /**
   * Data channels over {@code transport} before the DTLS role is known, as in a peer connection
   * before its description is answered. In-band channels created now have no id ({@link
   * DataChannel#id()} is -1, W3C's null) until {@link #setDtlsRole} gives them one.
   *
   * @param transport the association
   * @param limits what may be held at once
   */
  public DataChannels(DataChannelTransport transport, DataChannelLimits limits) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Sets the DTLS role, once it is negotiated: in-band channels created before it get the lowest
   * free ids of their parity (RFC 8832 §6), in the order they were created. A channel for which no
   * id is left is closed with {@link DataChannelEvent.Error} and {@link DataChannelEvent.Close}.
   * Setting the same role again does nothing.
   *
   * @param client whether we are the DTLS client: we then choose even stream ids, else odd
   * @throws IllegalStateException if a different role was set before
   */
  public void setDtlsRole(boolean client) {
    if (dtlsClient != null) {
      if (dtlsClient != client) {
        throw new IllegalStateException(
            "the DTLS role is " + (dtlsClient ? "client" : "server") + " already");
      }
      return;
    }
    dtlsClient = client;
    List<DataChannel> waiting = new ArrayList<>(awaitingId);
    awaitingId.clear();
    for (DataChannel channel : waiting) {
      if (channel.readyState() == DataChannelState.CLOSED) {
        continue;
      }
      int id = lowestFreeId();
      if (id < 0) {
        queue(new DataChannelEvent.Error(channel, "no free stream id is left"));
        channel.setState(DataChannelState.CLOSED);
        queue(new DataChannelEvent.Close(channel));
        continue;
      }
      channel.assignId(id);
      channels.put(id, channel);
      take(id);
    }
  }

  /** Whether the DTLS role, and so the parity of our stream ids, is known. */
  public boolean dtlsRoleKnown() {
    return dtlsClient != null;
  }

  /**
   * Creates a data channel (W3C's {@code createDataChannel}). Before the association is connected
   * it is {@link DataChannelState#CONNECTING}, and opens on {@link #handleConnected()}; after, it
   * opens here: it returns {@link DataChannelState#OPEN} with a {@link DataChannelEvent.Open}
   * queued (or, if the association did not take its DATA_CHANNEL_OPEN, closed with {@link
   * DataChannelEvent.Error} and {@link DataChannelEvent.Close} queued).
   *
   * @param label the label, at most 65535 bytes of UTF-8 (unpaired surrogates become U+FFFD)
   * @param init how to create it; {@link DataChannelInit#DEFAULT} if {@code null}
   * @throws IllegalArgumentException (W3C's {@code TypeError}) if the label is too long
   * @throws IllegalStateException (W3C's {@code InvalidStateError}) if the association is closed
   * @throws DataChannelException (W3C's {@code OperationError}) if a negotiated channel's id is in
   *     use, no stream id of our parity is free, or {@link DataChannelLimits#maxChannels()} are
   *     open
   */
  public DataChannel createDataChannel(String label, DataChannelInit init) {
    Objects.requireNonNull(label, "label");
    DataChannelInit options = init == null ? DataChannelInit.DEFAULT : init;
    if (closed) {
      throw new IllegalStateException("the association is closed");
    }
    String usvLabel = Utf8Text.scalarValues(label);
    if (Utf8Text.byteLength(usvLabel) > MAX_STRING_BYTES) {
      throw new IllegalArgumentException(
          "label is longer than " + MAX_STRING_BYTES + " bytes of UTF-8");
    }
    int count = channels.size() + awaitingId.size();
    if (count >= limits.maxChannels()) {
      throw new DataChannelException("already " + count + " channels, the most allowed");
    }
    int id;
    if (options.negotiated()) {
      id = options.id();
      if (busy(id)) {
        throw new DataChannelException("stream id " + id + " is in use");
      }
    } else if (dtlsClient == null) {
      id = -1; // W3C: the id is null until the DTLS role is known
    } else {
      id = lowestFreeId();
      if (id < 0) {
        throw new DataChannelException(
            "no free " + (dtlsClient ? "even" : "odd") + " stream id is left");
      }
    }
    ChannelType type =
        ChannelType.of(
            options.ordered(),
            options.maxRetransmits() != null,
            options.maxPacketLifeTime() != null);
    long parameter =
        options.maxRetransmits() != null
            ? options.maxRetransmits()
            : options.maxPacketLifeTime() != null ? options.maxPacketLifeTime() : 0;
    DataChannel channel =
        new DataChannel(
            this,
            transport,
            id,
            usvLabel,
            options.protocol(),
            type,
            parameter,
            options.negotiated(),
            DataChannelState.CONNECTING);
    if (id < 0) {
      awaitingId.add(channel);
      return channel;
    }
    channels.put(id, channel);
    take(id);
    if (connected) {
      openLocal(channel);
    }
    return channel;
  }

  /** Creates an ordered, reliable, in-band channel: {@code createDataChannel(label, null)}. */
  public DataChannel createDataChannel(String label) {
    return createDataChannel(label, null);
  }

  /** The next event, or {@code null} if there is none. Events come in the order they happened. */
  public DataChannelEvent pollEvent() {
    Queued queued = events.poll();
    if (queued == null) {
      return null;
    }
    queuedMessageBytes -= queued.messageBytes();
    return queued.event();
  }

  /**
   * The channels that are not closed: those with an id in the order they were created, then those
   * still waiting for the DTLS role.
   */
  public List<DataChannel> channels() {
    List<DataChannel> all = new ArrayList<>(channels.values());
    all.addAll(awaitingId);
    return List.copyOf(all);
  }

  /** The channel on stream {@code id}, unless there is none or it is closed. */
  public Optional<DataChannel> channel(int id) {
    return Optional.ofNullable(channels.get(id));
  }

  /** Whether the association is connected (and not closed since). */
  public boolean connected() {
    return connected;
  }

  /**
   * Whether we are the DTLS client, and so choose even stream ids.
   *
   * @throws IllegalStateException if the role is not known yet
   */
  public boolean dtlsClient() {
    if (dtlsClient == null) {
      throw new IllegalStateException("the DTLS role is not known yet");
    }
    return dtlsClient;
  }

  /** Input dropped so far, by reason. */
  public DropCounts<Drop> drops() {
    return drops;
  }

  /**
   * Hands one of the SCTP association's events to the channels: the association's owner calls this
   * for every event it polls, which saves calling the {@code handle*} methods one by one. A refused
   * stream reset leaves its channel closing (the peer must reset its side to finish), and is
   * counted as {@link Drop#RESET_REFUSED}.
   */
  public void handle(SctpEvent event) {
    Objects.requireNonNull(event, "event");
    if (event instanceof SctpEvent.MessageReceived m) {
      handleMessage(m.streamId(), m.ppid(), m.payload());
    } else if (event instanceof SctpEvent.BufferedAmountLow low) {
      handleBufferedAmountLow(low.streamId());
    } else if (event instanceof SctpEvent.Connected) {
      handleConnected();
    } else if (event instanceof SctpEvent.IncomingStreamsReset reset) {
      handleIncomingStreamsReset(ids(reset.streamIds()));
    } else if (event instanceof SctpEvent.OutgoingStreamsReset reset) {
      handleOutgoingStreamsReset(ids(reset.streamIds()));
    } else if (event instanceof SctpEvent.StreamResetFailed) {
      drops.increment(Drop.RESET_REFUSED);
    } else if (event instanceof SctpEvent.Closed || event instanceof SctpEvent.Aborted) {
      handleClosed();
    }
  }

  private static int[] ids(List<Integer> streamIds) {
    int[] out = new int[streamIds.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = streamIds.get(i);
    }
    return out;
  }

  /**
   * The association is established: the channels created so far open. Does nothing if it was
   * already called, or after {@link #handleClosed()}.
   */
  public void handleConnected() {
    if (connected || closed) {
      return;
    }
    if (dtlsClient == null) {
      throw new IllegalStateException("the association connected before the DTLS role was set");
    }
    connected = true;
    for (DataChannel channel : new ArrayList<>(channels.values())) {
      if (channel.readyState() == DataChannelState.CONNECTING) {
        openLocal(channel);
      }
    }
  }

  /**
   * A message arrived on a stream. A message before {@link #handleConnected()} connects first (the
   * association is evidently up); after {@link #handleClosed()} it is dropped.
   *
   * @param streamId the stream it arrived on
   * @param ppid its payload protocol identifier
   * @param payload the message, which these channels may keep and hand to the application
   */
  public void handleMessage(int streamId, int ppid, byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (closed || dtlsClient == null) {
      drops.increment(Drop.NOT_OPEN);
      return;
    }
    handleConnected();
    switch (ppid) {
      case PayloadProtocolId.DCEP -> handleDcep(streamId, payload);
      case PayloadProtocolId.STRING,
          PayloadProtocolId.BINARY,
          PayloadProtocolId.STRING_EMPTY,
          PayloadProtocolId.BINARY_EMPTY ->
          handleUserMessage(streamId, ppid, payload);
      default -> drops.increment(Drop.UNKNOWN_PPID);
    }
  }

  /**
   * The peer reset its outgoing side of these streams (RFC 6525): it is closing their channels (RFC
   * 8831 §6.7). Each open channel among them becomes {@link DataChannelState#CLOSING} with a {@link
   * DataChannelEvent.Closing} event, and our outgoing side is reset too; a channel whose outgoing
   * reset has already completed is closed. A stream without a channel is reset too, so that the
   * peer's closing procedure can end.
   */
  public void handleIncomingStreamsReset(int... streamIds) {
    if (closed) {
      return;
    }
    List<Integer> toReset = new ArrayList<>();
    for (int id : streamIds) {
      if (id < 0 || id > MAX_STREAM_ID) {
        continue;
      }
      DataChannel channel = channels.get(id);
      if (channel == null) {
        if (refusalIncomingPending.get(id)) {
          // The peer's answer to a refusal of ours.
          refusalIncomingPending.clear(id);
        } else if (!refusalOutgoingPending.get(id)) {
          // RFC 8831 §6.7: the peer closes a stream we have no channel on (a negotiated channel
          // never created here, say); reset ours so that its closing procedure ends.
          refusalOutgoingPending.set(id);
          take(id);
          toReset.add(id);
        }
        releaseIfRefusalDone(id);
        continue;
      }
      if (channel.readyState() == DataChannelState.CONNECTING) {
        continue;
      }
      channel.markIncomingReset();
      // RFC 8832 §6: whatever arrives on the stream answers our OPEN.
      channel.setAwaitingAck(false);
      if (channel.readyState() == DataChannelState.OPEN) {
        channel.setState(DataChannelState.CLOSING);
        queue(new DataChannelEvent.Closing(channel));
      }
      if (!channel.outgoingResetRequested()) {
        channel.markOutgoingResetRequested();
        toReset.add(id);
      } else if (channel.outgoingReset()) {
        finish(channel);
      }
    }
    resetStreams(toReset);
  }

  /**
   * Our outgoing side of these streams has been reset (RFC 6525): the reset asked for by closing
   * their channels completed. A channel whose peer has also reset its side is now closed.
   */
  public void handleOutgoingStreamsReset(int... streamIds) {
    if (closed) {
      return;
    }
    for (int id : streamIds) {
      if (id < 0 || id > MAX_STREAM_ID) {
        continue;
      }
      DataChannel channel = channels.get(id);
      if (channel == null) {
        refusalOutgoingPending.clear(id);
        releaseIfRefusalDone(id);
        continue;
      }
      if (!channel.outgoingResetRequested() || channel.outgoingReset()) {
        continue;
      }
      channel.markOutgoingReset();
      if (channel.incomingReset()) {
        finish(channel);
      }
    }
  }

  /**
   * The buffered amount of a stream fell to its threshold or below: raises {@link
   * DataChannelEvent.BufferedAmountLow} for its channel, if it has one that is open or closing.
   */
  public void handleBufferedAmountLow(int streamId) {
    DataChannel channel = channels.get(streamId);
    if (channel == null
        || (channel.readyState() != DataChannelState.OPEN
            && channel.readyState() != DataChannelState.CLOSING)) {
      return;
    }
    if (events.size() >= limits.maxQueuedEvents()) {
      drops.increment(Drop.EVENT_QUEUE_FULL);
      return;
    }
    queue(new DataChannelEvent.BufferedAmountLow(channel));
  }

  /**
   * The association is gone (shut down or aborted): every channel is {@link
   * DataChannelState#CLOSED} at once, each with a {@link DataChannelEvent.Close} event, and no
   * channel can be created any more.
   */
  public void handleClosed() {
    if (closed) {
      return;
    }
    closed = true;
    connected = false;
    for (DataChannel channel : awaitingId) {
      channel.setState(DataChannelState.CLOSED);
      queue(new DataChannelEvent.Close(channel));
    }
    awaitingId.clear();
    List<DataChannel> all = new ArrayList<>(channels.values());
    for (DataChannel channel : all) {
      DataChannelState state = channel.readyState();
      if (state == DataChannelState.OPEN || state == DataChannelState.CLOSING) {
        channel.setBufferedAmountWhenClosed(transport.bufferedAmount(channel.id()));
      }
      finish(channel);
    }
    refusalOutgoingPending.clear();
    refusalIncomingPending.clear();
    taken[0].clear();
    taken[1].clear();
  }

  /** {@link DataChannel#close()}: starts the closing procedure (RFC 8831 §6.7). */
  void close(DataChannel channel) {
    if (channel.id() < 0) {
      if (awaitingId.remove(channel)) {
        channel.setState(DataChannelState.CLOSED);
        queue(new DataChannelEvent.Close(channel));
      }
      return;
    }
    switch (channel.readyState()) {
      case CONNECTING -> finish(channel); // nothing was sent on the stream: nothing to reset
      case OPEN -> {
        channel.setState(DataChannelState.CLOSING);
        if (!channel.outgoingResetRequested()) {
          channel.markOutgoingResetRequested();
          transport.resetStreams(channel.id());
        }
      }
      case CLOSING, CLOSED -> {}
    }
  }

  private void openLocal(DataChannel channel) {
    int id = channel.id();
    if (!channel.negotiated()) {
      DataChannelOpen open =
          new DataChannelOpen(
              channel.channelType(),
              NORMAL_PRIORITY,
              channel.reliabilityParameter(),
              channel.label(),
              channel.protocol());
      // RFC 8832 §6: DCEP messages go reliably and ordered, on the channel's own stream.
      SendStatus status =
          transport.send(id, PayloadProtocolId.DCEP, open.toBytes(), SendOptions.RELIABLE);
      if (status != SendStatus.QUEUED) {
        queue(new DataChannelEvent.Error(channel, "DATA_CHANNEL_OPEN was not sent: " + status));
        finish(channel);
        return;
      }
      channel.setAwaitingAck(true);
    }
    transport.setBufferedAmountLowThreshold(id, channel.bufferedAmountLowThreshold());
    channel.setState(DataChannelState.OPEN);
    queue(new DataChannelEvent.Open(channel));
  }

  private void handleDcep(int streamId, byte[] payload) {
    DcepMessage message;
    try {
      message = DcepMessage.parse(payload);
    } catch (ParseException e) {
      drops.increment(Drop.MALFORMED_DCEP);
      // RFC 8832 §6: a malformed OPEN is refused like any other bad one.
      if (payload.length > 0 && (payload[0] & 0xFF) == DcepMessage.TYPE_OPEN) {
        refuseIfFree(streamId);
      }
      return;
    }
    if (message instanceof DataChannelOpen open) {
      handleOpen(streamId, open);
    } else {
      handleAck(streamId);
    }
  }

  /** RFC 8832 §6: the peer opens a channel. */
  private void handleOpen(int streamId, DataChannelOpen open) {
    DataChannel existing = channels.get(streamId);
    if (existing != null) {
      // RFC 8832 §6: an OPEN on a stream already used closes the data channel on it.
      drops.increment(Drop.OPEN_REFUSED);
      fail(existing, "DATA_CHANNEL_OPEN arrived on the stream of an existing channel");
      return;
    }
    if (streamId < 0 || streamId > MAX_STREAM_ID || busy(streamId)) {
      drops.increment(Drop.OPEN_REFUSED);
      return;
    }
    if ((streamId & 1) == ourParity()) {
      // RFC 8832 §6: the peer chose an id of our parity.
      drops.increment(Drop.OPEN_REFUSED);
      refuseIfFree(streamId);
      return;
    }
    if (channels.size() >= limits.maxChannels() || events.size() >= limits.maxQueuedEvents()) {
      drops.increment(Drop.OPEN_OVER_LIMIT);
      refuseIfFree(streamId);
      return;
    }
    SendStatus status =
        transport.send(
            streamId,
            PayloadProtocolId.DCEP,
            DataChannelAck.INSTANCE.toBytes(),
            SendOptions.RELIABLE);
    if (status != SendStatus.QUEUED) {
      drops.increment(Drop.OPEN_REFUSED);
      refuseIfFree(streamId);
      return;
    }
    DataChannel channel =
        new DataChannel(
            this,
            transport,
            streamId,
            open.label(),
            open.protocol(),
            open.channelType(),
            open.reliabilityParameter(),
            false,
            DataChannelState.OPEN);
    channels.put(streamId, channel);
    take(streamId);
    transport.setBufferedAmountLowThreshold(streamId, channel.bufferedAmountLowThreshold());
    queue(new DataChannelEvent.Incoming(channel));
    queue(new DataChannelEvent.Open(channel));
  }

  private void handleAck(int streamId) {
    DataChannel channel = channels.get(streamId);
    if (channel == null || !channel.awaitingAck()) {
      drops.increment(Drop.UNEXPECTED_DCEP);
      return;
    }
    channel.setAwaitingAck(false);
  }

  private void handleUserMessage(int streamId, int ppid, byte[] payload) {
    DataChannel channel = channels.get(streamId);
    if (channel == null) {
      drops.increment(Drop.UNKNOWN_STREAM);
      return;
    }
    // RFC 8832 §6: any message from the peer on the channel means it has seen our OPEN.
    channel.setAwaitingAck(false);
    if (channel.readyState() != DataChannelState.OPEN) {
      drops.increment(Drop.NOT_OPEN);
      return;
    }
    // RFC 8831 §6.6: the empty PPIDs carry one byte, which means nothing.
    boolean empty =
        ppid == PayloadProtocolId.STRING_EMPTY || ppid == PayloadProtocolId.BINARY_EMPTY;
    long size = empty ? 0 : payload.length;
    boolean full =
        events.size() >= limits.maxQueuedEvents()
            || (queuedMessageBytes > 0
                && queuedMessageBytes + size > limits.maxQueuedMessageBytes());
    if (full) {
      drops.increment(Drop.EVENT_QUEUE_FULL);
      fail(channel, "too many received messages are waiting to be polled");
      return;
    }
    DataChannelEvent event =
        switch (ppid) {
          case PayloadProtocolId.STRING ->
              new DataChannelEvent.TextMessage(
                  channel, new String(payload, StandardCharsets.UTF_8));
          case PayloadProtocolId.STRING_EMPTY -> new DataChannelEvent.TextMessage(channel, "");
          case PayloadProtocolId.BINARY -> new DataChannelEvent.BinaryMessage(channel, payload);
          default -> new DataChannelEvent.BinaryMessage(channel, new byte[0]);
        };
    events.add(new Queued(event, size));
    queuedMessageBytes += size;
  }

  /** Raises an error on {@code channel} and starts closing it. */
  private void fail(DataChannel channel, String reason) {
    queue(new DataChannelEvent.Error(channel, reason));
    close(channel);
  }

  /** The channel is closed: its id is free. */
  private void finish(DataChannel channel) {
    channel.setState(DataChannelState.CLOSED);
    channels.remove(channel.id());
    release(channel.id());
    queue(new DataChannelEvent.Close(channel));
  }

  /**
   * RFC 8832 §6: refuses an OPEN on a stream with no channel by resetting our outgoing side; the
   * peer answers by resetting its own. The id stays taken until both are done.
   */
  private void refuseIfFree(int streamId) {
    if (streamId < 0 || streamId > MAX_STREAM_ID || busy(streamId)) {
      return;
    }
    refusalOutgoingPending.set(streamId);
    refusalIncomingPending.set(streamId);
    take(streamId);
    transport.resetStreams(streamId);
  }

  private void resetStreams(List<Integer> ids) {
    if (ids.isEmpty()) {
      return;
    }
    int[] array = new int[ids.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = ids.get(i);
    }
    transport.resetStreams(array);
  }

  private void queue(DataChannelEvent event) {
    events.add(new Queued(event, 0));
  }

  private int ourParity() {
    return dtlsClient ? 0 : 1;
  }

  /** Whether a channel or an unfinished refusal holds the stream id. */
  private boolean busy(int id) {
    return taken[id & 1].get(id >>> 1);
  }

  private void take(int id) {
    taken[id & 1].set(id >>> 1);
  }

  private void release(int id) {
    taken[id & 1].clear(id >>> 1);
  }

  private void releaseIfRefusalDone(int id) {
    if (!refusalOutgoingPending.get(id) && !refusalIncomingPending.get(id)) {
      release(id);
    }
  }

  /** The lowest id of our parity that is not busy, or -1. */
  private int lowestFreeId() {
    int parity = ourParity();
    int id = (taken[parity].nextClearBit(0) << 1) | parity;
    return id <= MAX_STREAM_ID ? id : -1;
  }
}
