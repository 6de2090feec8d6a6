package org.rtc4j.sctp.tx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.rtc4j.sctp.PayloadProtocolId;
import org.rtc4j.sctp.SendOptions;
import org.rtc4j.sctp.common.Data;

/** A send queue as simple as can be: messages in one line, cut into fragments as asked. */
final class FakeFragmentSource implements FragmentSource {
  private final ArrayDeque<Message> messages = new ArrayDeque<>();
  private final List<Long> discarded = new ArrayList<>();
  private long nextMessageId = 1;
  private int produced;

  /** A reliable ordered message; returns its message id. */
  long add(int streamId, int ssn, int bytes) {
    return add(streamId, ssn, 0, false, bytes, SendOptions.UNLIMITED, Long.MAX_VALUE);
  }

  /** Messages of {@code bytes} each on stream 0, SSN 0, 1, 2... */
  void addMany(int count, int bytes) {
    for (int i = 0; i < count; i++) {
      add(0, i & 0xFFFF, bytes);
    }
  }

  long addWithRetransmitLimit(int streamId, int ssn, int bytes, long maxRetransmits) {
    return add(streamId, ssn, 0, false, bytes, maxRetransmits, Long.MAX_VALUE);
  }

  long addWithLifetime(int streamId, int ssn, int bytes, long expiresAt) {
    return add(streamId, ssn, 0, false, bytes, SendOptions.UNLIMITED, expiresAt);
  }

  long add(
      int streamId,
      int ssn,
      int mid,
      boolean unordered,
      int bytes,
      long maxRetransmits,
      long expiresAt) {
    Message message =
        new Message(
            nextMessageId++, streamId, ssn, mid, unordered, bytes, maxRetransmits, expiresAt);
    messages.add(message);
    return message.id;
  }

  /** The message ids {@link #discard} was called for, in order. */
  List<Long> discarded() {
    return discarded;
  }

  /** How many fragments were produced. */
  int produced() {
    return produced;
  }

  /** Whether nothing is left to produce. */
  boolean isEmpty() {
    return messages.isEmpty();
  }

  @Override
  public OutgoingFragment produce(long now, int maxPayload) {
    if (maxPayload < 1) {
      throw new AssertionError("asked for " + maxPayload + " bytes of payload");
    }
    Message message = messages.peek();
    while (message != null && message.offset == 0 && message.expiresAt <= now) {
      messages.poll();
      message = messages.peek();
    }
    if (message == null) {
      return null;
    }
    int length = Math.min(maxPayload, message.bytes - message.offset);
    byte[] payload = new byte[length];
    Arrays.fill(payload, (byte) message.id);
    boolean beginning = message.offset == 0;
    message.offset += length;
    boolean end = message.offset == message.bytes;
    Data data =
        new Data(
            message.streamId,
            message.ssn,
            message.mid,
            message.fsn++,
            PayloadProtocolId.BINARY,
            payload,
            beginning,
            end,
            message.unordered);
    if (end) {
      messages.poll();
    }
    produced++;
    return new OutgoingFragment(data, message.id, message.maxRetransmits, message.expiresAt);
  }

  @Override
  public boolean discard(int streamId, long messageId) {
    discarded.add(messageId);
    for (Iterator<Message> it = messages.iterator(); it.hasNext(); ) {
      Message message = it.next();
      if (message.id == messageId && message.streamId == streamId) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  private static final class Message {
    final long id;
    final int streamId;
    final int ssn;
    final int mid;
    final boolean unordered;
    final int bytes;
    final long maxRetransmits;
    final long expiresAt;
    int offset;
    int fsn;

    Message(
        long id,
        int streamId,
        int ssn,
        int mid,
        boolean unordered,
        int bytes,
        long maxRetransmits,
        long expiresAt) {
      this.id = id;
      this.streamId = streamId;
      this.ssn = ssn;
      this.mid = mid;
      this.unordered = unordered;
      this.bytes = bytes;
      this.maxRetransmits = maxRetransmits;
      this.expiresAt = expiresAt;
    }
  }
}
