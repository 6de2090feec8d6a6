package org.rtc4j.datachannel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.SendStatus;

/**
 * Two {@link DataChannels} wired back to back through an in-memory association: what one end sends
 * reaches the other in order and without loss when {@link #deliver()} runs, and a stream reset
 * travels in the same order as the messages sent before it (RFC 6525), its completion coming back
 * to the end that asked.
 */
final class FakeAssociation {
  /** The DTLS client: it chooses even stream ids. */
  final End client;

  /** The DTLS server: it chooses odd stream ids. */
  final End server;

  FakeAssociation() {
    this(DataChannelLimits.DEFAULT, DataChannelLimits.DEFAULT);
  }

  FakeAssociation(DataChannelLimits clientLimits, DataChannelLimits serverLimits) {
    client = new End(true, clientLimits);
    server = new End(false, serverLimits);
    client.peer = server;
    server.peer = client;
  }

  /** The association is established: both ends hear of it. */
  void connect() {
    client.connected = true;
    server.connected = true;
    client.channels.handleConnected();
    server.channels.handleConnected();
  }

  /** Delivers what both ends have sent, turn about, until nothing is in flight. */
  void deliver() {
    for (int i = 0; i < 1_000_000; i++) {
      boolean moved = client.deliverOne() | server.deliverOne();
      if (!moved) {
        return;
      }
    }
    throw new AssertionError("the two ends never went quiet");
  }

  /** One message as the association was handed it. */
  record Sent(int streamId, int ppid, byte[] payload, SendOptions options) {}

  /** One end: the transport of its {@link DataChannels}, and a log of what it was asked. */
  static final class End implements DataChannelTransport {
    final DataChannels channels;
    final List<Sent> sent = new ArrayList<>();
    final List<int[]> resets = new ArrayList<>();
    final Map<Integer, Long> thresholds = new HashMap<>();
    final List<DataChannelEvent> events = new ArrayList<>();
    private final ArrayDeque<DataChannelEvent> unread = new ArrayDeque<>();

    /** Refuse sends with this status while it is set. */
    SendStatus refuseWith;

    /** The largest message taken. */
    int maxMessageSize = 256 * 1024;

    /** The most bytes held for sending on all streams together. */
    long maxBuffered = Long.MAX_VALUE;

    /**
     * Whether to tell the DataChannels when a stream's buffered amount falls to its threshold. Off
     * unless a test looks at it: with W3C's default threshold of 0, every drained stream would
     * raise an event.
     */
    boolean reportBufferedAmountLow;

    boolean connected;
    End peer;

    private final ArrayDeque<Object> inFlight = new ArrayDeque<>();
    private final Map<Integer, Long> buffered = new HashMap<>();
    private final Set<Integer> resetting = new HashSet<>();

    End(boolean dtlsClient, DataChannelLimits limits) {
      channels = new DataChannels(this, dtlsClient, limits);
    }

    @Override
    public SendStatus send(int streamId, int ppid, byte[] payload, SendOptions options) {
      assertTrue(payload.length > 0, "the transport is never handed an empty message");
      assertTrue(streamId >= 0 && streamId <= 65534, "stream " + streamId);
      if (refuseWith != null) {
        return refuseWith;
      }
      if (!connected) {
        return SendStatus.NOT_CONNECTED;
      }
      if (resetting.contains(streamId)) {
        return SendStatus.STREAM_CLOSED;
      }
      if (payload.length > maxMessageSize) {
        return SendStatus.MESSAGE_TOO_LARGE;
      }
      long total = buffered.values().stream().mapToLong(Long::longValue).sum();
      if (total + payload.length > maxBuffered) {
        return SendStatus.BUFFER_FULL;
      }
      Sent message = new Sent(streamId, ppid, payload, options);
      sent.add(message);
      inFlight.add(message);
      buffered.merge(streamId, (long) payload.length, Long::sum);
      return SendStatus.QUEUED;
    }

    @Override
    public void resetStreams(int... streamIds) {
      int[] ids = streamIds.clone();
      resets.add(ids);
      for (int id : ids) {
        resetting.add(id);
      }
      inFlight.add(new Reset(ids));
    }

    @Override
    public long bufferedAmount(int streamId) {
      return buffered.getOrDefault(streamId, 0L);
    }

    @Override
    public void setBufferedAmountLowThreshold(int streamId, long threshold) {
      thresholds.put(streamId, threshold);
    }

    /** The events not yet looked at, then those the DataChannels queued since; all now read. */
    List<DataChannelEvent> drainEvents() {
      pollAll();
      List<DataChannelEvent> drained = new ArrayList<>(unread);
      unread.clear();
      return drained;
    }

    /** The next event not yet looked at, or {@code null}. */
    DataChannelEvent nextEvent() {
      pollAll();
      return unread.poll();
    }

    /** Every event the DataChannels have raised so far, read or not. */
    List<DataChannelEvent> allEvents() {
      pollAll();
      return events;
    }

    private void pollAll() {
      for (DataChannelEvent e; (e = channels.pollEvent()) != null; ) {
        events.add(e);
        unread.add(e);
      }
    }

    /**
     * The peer answers our reset of {@code streamIds} at once, without the reset travelling: for
     * tests that play the peer by hand.
     */
    void completeReset(int... streamIds) {
      for (int id : streamIds) {
        resetting.remove(id);
      }
      channels.handleOutgoingStreamsReset(streamIds);
    }

    /** The messages sent with this PPID. */
    List<Sent> sentWith(int ppid) {
      return sent.stream().filter(s -> s.ppid() == ppid).toList();
    }

    /** Whether a reset was asked for that includes {@code streamId}. */
    boolean askedToReset(int streamId) {
      return resets.stream().anyMatch(ids -> Arrays.stream(ids).anyMatch(id -> id == streamId));
    }

    private boolean deliverOne() {
      Object next = inFlight.poll();
      if (next == null) {
        return false;
      }
      if (next instanceof Sent message) {
        long before = buffered.getOrDefault(message.streamId(), 0L);
        long after = before - message.payload().length;
        buffered.put(message.streamId(), after);
        long threshold = thresholds.getOrDefault(message.streamId(), 0L);
        if (reportBufferedAmountLow && before > threshold && after <= threshold) {
          channels.handleBufferedAmountLow(message.streamId());
        }
        peer.channels.handleMessage(message.streamId(), message.ppid(), message.payload());
      } else if (next instanceof Reset reset) {
        peer.channels.handleIncomingStreamsReset(reset.streamIds());
        peer.inFlight.add(new ResetDone(reset.streamIds()));
      } else if (next instanceof ResetDone done) {
        for (int id : done.streamIds()) {
          peer.resetting.remove(id);
        }
        peer.channels.handleOutgoingStreamsReset(done.streamIds());
      }
      return true;
    }
  }

  /** A stream reset request on its way to the peer. */
  private record Reset(int[] streamIds) {}

  /** The peer's answer that it reset its incoming side: our outgoing reset completed. */
  private record ResetDone(int[] streamIds) {}
}
