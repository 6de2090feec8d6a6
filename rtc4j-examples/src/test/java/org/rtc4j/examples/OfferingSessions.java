package org.rtc4j.examples;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.datachannel.DataChannelInit;
import org.rtc4j.nio.NioPeerConnection;
import org.rtc4j.nio.NioRuntime;

/**
 * The interop tests' sessions where rtc4j offers: rtc4j creates the peer connection and the data
 * channels a scenario needs, offers, takes the browser's answer, and then echoes every message on
 * its channels (same type, same bytes, in order), except the text {@value #CLOSE_COMMAND}, on which
 * it closes that channel itself. It records what it saw on each channel for the page to check.
 */
final class OfferingSessions implements AutoCloseable {
  /** The text that makes rtc4j close the channel it arrives on instead of echoing it. */
  static final String CLOSE_COMMAND = "rtc4j:close";

  /** The most sessions at once. */
  static final int MAX_SESSIONS = 64;

  /** The most channels one offer may ask for. */
  static final int MAX_CHANNELS = 16;

  /** Echoes held per channel while the association's send buffer is full. */
  static final long MAX_PENDING_BYTES = 16L << 20;

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final long LOW_THRESHOLD = 256 * 1024;

  private final NioRuntime runtime;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  OfferingSessions(NioRuntime runtime) {
    this.runtime = runtime;
  }

  /**
   * A channel the page wants rtc4j to open.
   *
   * @param label its label
   * @param ordered whether it is ordered
   * @param maxRetransmits how many retransmissions at most, or -1 for a reliable channel
   */
  record ChannelSpec(String label, boolean ordered, int maxRetransmits) {
    ChannelSpec {
      if (label.isEmpty() || label.length() > 64) {
        throw new IllegalArgumentException("a label of 1 to 64 characters: '" + label + "'");
      }
      if (maxRetransmits < -1 || maxRetransmits > 65535) {
        throw new IllegalArgumentException("maxRetransmits -1..65535: " + maxRetransmits);
      }
    }

    /** Parses lines of {@code <label> <ordered true|false> <maxRetransmits|->}. */
    static List<ChannelSpec> parseAll(byte[] body) {
      List<ChannelSpec> specs = new ArrayList<>();
      for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split(" ");
        if (parts.length != 3 || !parts[1].matches("true|false")) {
          throw new IllegalArgumentException("not '<label> <ordered> <maxRetransmits|->': " + line);
        }
        int max;
        try {
          max = parts[2].equals("-") ? -1 : Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("maxRetransmits is a number or '-': " + line, e);
        }
        specs.add(new ChannelSpec(parts[0], Boolean.parseBoolean(parts[1]), max));
      }
      if (specs.isEmpty() || specs.size() > MAX_CHANNELS) {
        throw new IllegalArgumentException(
            "1 to " + MAX_CHANNELS + " channels, not " + specs.size());
      }
      return List.copyOf(specs);
    }

    DataChannelInit init() {
      DataChannelInit.Builder b = DataChannelInit.builder().ordered(ordered);
      if (maxRetransmits >= 0) {
        b.maxRetransmits(maxRetransmits);
      }
      return b.build();
    }
  }

  /**
   * Creates a peer connection with {@code channels} and returns its session id and complete offer.
   *
   * @throws IllegalStateException if too many sessions are open, or the offer could not be made
   */
  SessionHost.Opened offer(List<ChannelSpec> channels) {
    if (sessions.size() >= MAX_SESSIONS) {
      throw new IllegalStateException("too many sessions: " + MAX_SESSIONS);
    }
    byte[] idBytes = new byte[12];
    random.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    Session session = new Session(id);
    session.peer = NioPeerConnection.register(runtime, new RTCPeerConnection(), session::handle);
    String offer =
        await(
            session.peer.call(
                pc -> {
                  for (ChannelSpec spec : channels) {
                    DataChannel channel = pc.createDataChannel(spec.label(), spec.init());
                    session.seen.put(channel, new Seen(spec.label()));
                  }
                  pc.setLocalDescription(pc.createOffer(), session.peer.now());
                  return pc.localDescription().orElseThrow().sdp();
                }));
    sessions.put(id, session);
    return new SessionHost.Opened(id, offer);
  }

  /** Applies the browser's answer; null when done, else what went wrong. */
  String answer(String id, byte[] answerSdp) {
    Session session = sessions.get(id);
    if (session == null) {
      return "no such session: " + id;
    }
    try {
      session
          .peer
          .call(
              pc -> {
                pc.setRemoteDescription(
                    RTCSessionDescription.answer(new String(answerSdp, StandardCharsets.UTF_8)),
                    session.peer.now());
                return null;
              })
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return "the answer was refused: " + e.getCause();
    } catch (TimeoutException e) {
      return "the loop thread did not answer within " + CALL_TIMEOUT;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** What rtc4j saw on the session's channels, or null if there is no such session. */
  Map<String, Object> describe(String id) {
    Session session = sessions.get(id);
    if (session == null) {
      return null;
    }
    return await(session.peer.call(session::describe));
  }

  @Override
  public void close() {
    for (Session s : sessions.values()) {
      s.peer.close();
    }
    sessions.clear();
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the call failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the loop thread did not answer within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** What happened on one of our channels; touched on the loop thread only. */
  private static final class Seen {
    final String label;
    boolean opened;
    boolean closing;
    boolean closed;
    boolean closedByUs;
    long messages;
    long bytes;
    String error;
    final EchoQueue echoes = new EchoQueue(MAX_PENDING_BYTES, size -> {});

    Seen(String label) {
      this.label = label;
    }
  }

  /** One peer connection; touched on the loop thread only. */
  private static final class Session {
    final String id;
    NioPeerConnection peer;
    final Map<DataChannel, Seen> seen = new IdentityHashMap<>();
    final List<String> states = new ArrayList<>();

    Session(String id) {
      this.id = id;
    }

    void handle(PeerConnectionEvent e) {
      if (e instanceof PeerConnectionEvent.ConnectionStateChange s) {
        if (states.size() < 32) {
          states.add(s.state().name().toLowerCase(Locale.ROOT));
        }
        return;
      }
      if (!(e instanceof PeerConnectionEvent.Channel c)) {
        return;
      }
      DataChannelEvent event = c.event();
      if (event instanceof DataChannelEvent.Open open) {
        Seen s = seen.get(open.channel());
        if (s != null) {
          s.opened = true;
          open.channel().setBufferedAmountLowThreshold(LOW_THRESHOLD);
        }
      } else if (event instanceof DataChannelEvent.TextMessage t) {
        Seen s = seen.get(t.channel());
        if (s != null) {
          s.messages++;
          s.bytes += t.text().length();
          if (t.text().equals(CLOSE_COMMAND)) {
            s.closedByUs = true;
            t.channel().close();
          } else {
            echo(t.channel(), s, t.text());
          }
        }
      } else if (event instanceof DataChannelEvent.BinaryMessage b) {
        Seen s = seen.get(b.channel());
        if (s != null) {
          s.messages++;
          s.bytes += b.data().length;
          echo(b.channel(), s, b.data());
        }
      } else if (event instanceof DataChannelEvent.BufferedAmountLow low) {
        Seen s = seen.get(low.channel());
        if (s != null) {
          s.echoes.flush(low.channel());
        }
      } else if (event instanceof DataChannelEvent.Closing closing) {
        Seen s = seen.get(closing.channel());
        if (s != null) {
          s.closing = true;
        }
      } else if (event instanceof DataChannelEvent.Close closed) {
        Seen s = seen.get(closed.channel());
        if (s != null) {
          s.closed = true;
          s.echoes.clear();
        }
      } else if (event instanceof DataChannelEvent.Error error) {
        Seen s = seen.get(error.channel());
        if (s != null) {
          s.error = error.reason();
        }
      }
    }

    private void echo(DataChannel channel, Seen s, Object message) {
      if (!s.echoes.echo(channel, message)) {
        s.error = "more than " + MAX_PENDING_BYTES + " bytes of echoes waiting";
        channel.close();
      }
    }

    Map<String, Object> describe(RTCPeerConnection pc) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("connectionState", pc.connectionState().name().toLowerCase(Locale.ROOT));
      out.put("connectionStates", List.copyOf(states));
      List<Object> channels = new ArrayList<>();
      for (Map.Entry<DataChannel, Seen> entry : seen.entrySet()) {
        Seen s = entry.getValue();
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("label", s.label);
        channel.put("id", entry.getKey().id());
        channel.put("readyState", entry.getKey().readyState().name().toLowerCase(Locale.ROOT));
        channel.put("opened", s.opened);
        channel.put("closingSeen", s.closing);
        channel.put("closeSeen", s.closed);
        channel.put("closedByRtc4j", s.closedByUs);
        channel.put("messages", s.messages);
        channel.put("bytes", s.bytes);
        channel.put("error", s.error);
        channels.add(channel);
      }
      out.put("channels", channels);
      return out;
    }
  }
}
