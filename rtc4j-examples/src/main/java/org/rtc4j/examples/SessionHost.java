package org.rtc4j.examples;

import java.util.Map;

/**
 * What the demo's HTTP signaling needs from whoever runs the peer connections: open a session from
 * a remote offer, close it, and describe it. Implementations are thread-safe: HTTP requests come on
 * the server's threads.
 */
public interface SessionHost {

  /** A session that was opened: its id (the last segment of its Location) and the SDP answer. */
  record Opened(String id, String answerSdp) {}

  /**
   * Opens a session for a complete remote offer (with its candidates) and answers it, with the
   * answer's candidates included. May wait (bounded) for local gathering to finish.
   *
   * @throws IllegalArgumentException if the offer is malformed or cannot be answered; the message
   *     is the reason given to the client
   */
  Opened open(String offerSdp);

  /** Closes a session; false if there is no such session. */
  boolean close(String id);

  /** A few facts about a session for the page (state, messages echoed...), or null if unknown. */
  Map<String, Object> describe(String id);
}
