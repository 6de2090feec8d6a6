package org.rtc4j.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session host for the signaling tests, standing in for peer connections: it answers any offer
 * with a canned answer and names sessions s1, s2, ...; an offer containing {@code REFUSE} is
 * refused, one containing {@code EXPLODE} makes it fail, and one containing {@code BAD-ID} or
 * {@code DOTS-ID} opens a session under an id that cannot go in a URL ({@code a/b}, {@code ..}).
 */
final class FakeSessionHost implements SessionHost {

  static final String ANSWER = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<String, String> sessions = new ConcurrentHashMap<>();
  private final List<String> offers = Collections.synchronizedList(new ArrayList<>());
  private final List<String> closed = Collections.synchronizedList(new ArrayList<>());

  @Override
  public Opened open(String offerSdp) {
    offers.add(offerSdp);
    if (offerSdp.contains("REFUSE")) {
      throw new IllegalArgumentException("no m=application section to answer");
    }
    if (offerSdp.contains("EXPLODE")) {
      throw new IllegalStateException("the host broke");
    }
    String id =
        offerSdp.contains("BAD-ID")
            ? "a/b"
            : offerSdp.contains("DOTS-ID") ? ".." : "s" + nextId.incrementAndGet();
    sessions.put(id, offerSdp);
    return new Opened(id, ANSWER);
  }

  @Override
  public boolean close(String id) {
    boolean known = sessions.remove(id) != null;
    if (known) {
      closed.add(id);
    }
    return known;
  }

  @Override
  public Map<String, Object> describe(String id) {
    if (!sessions.containsKey(id)) {
      return null;
    }
    Map<String, Object> channel = new LinkedHashMap<>();
    channel.put("label", "echo");
    channel.put("readyState", "open");
    channel.put("messagesEchoed", 3L);
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("id", id);
    description.put("connectionState", "connected");
    description.put("dtlsDone", true);
    description.put("rttMillis", 1.5);
    description.put("remark", "a \"quoted\" line\nand a tab\t");
    description.put("selectedPair", null);
    description.put("channels", List.of(channel));
    return description;
  }

  /** Every offer the host was given, in order. */
  List<String> offers() {
    return List.copyOf(offers);
  }

  /** The ids of the sessions closed, in order. */
  List<String> closed() {
    return List.copyOf(closed);
  }

  /** Whether a session is open. */
  boolean isOpen(String id) {
    return sessions.containsKey(id);
  }
}
