package org.rtc4j.dtls;

import java.util.ArrayList;
import java.util.List;

/**
 * One flight of our handshake (RFC 6347 §4.2.4): the messages we send together and retransmit
 * together until the peer's next flight shows they arrived. Each message keeps its message_seq and
 * epoch; records get fresh sequence numbers on every transmission.
 */
final class OutgoingFlight {
  /** The type that marks a ChangeCipherSpec in a flight: it is a record, not a message. */
  static final int CHANGE_CIPHER_SPEC = -1;

  record Entry(int type, int messageSeq, byte[] body, int epoch) {}

  private final List<Entry> entries = new ArrayList<>();
  private final boolean awaitsResponse;

  /**
   * @param awaitsResponse whether the peer answers this flight; the last flight of a handshake is
   *     not answered and is retransmitted only when the peer repeats its own
   */
  OutgoingFlight(boolean awaitsResponse) {
    this.awaitsResponse = awaitsResponse;
  }

  OutgoingFlight add(int type, int messageSeq, byte[] body, int epoch) {
    entries.add(new Entry(type, messageSeq, body, epoch));
    return this;
  }

  OutgoingFlight changeCipherSpec() {
    entries.add(new Entry(CHANGE_CIPHER_SPEC, -1, new byte[] {1}, 0));
    return this;
  }

  List<Entry> entries() {
    return entries;
  }

  boolean awaitsResponse() {
    return awaitsResponse;
  }
}
