package org.rtc4j.examples;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.PeerConnectionState;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.RTCSessionDescription;
import org.rtc4j.datachannel.DataChannel;
import org.rtc4j.datachannel.DataChannelEvent;
import org.rtc4j.nio.NioConfig;
import org.rtc4j.nio.NioPeerConnection;
import org.rtc4j.nio.NioRuntime;

/**
 * The demo's sessions: one {@link RTCPeerConnection} per remote offer, driven by one {@link
 * NioRuntime}, and every data channel the remote peer opens is an echo: each message comes back on
 * the same channel, with the same type and bytes, in order.
 *
 * <p>When the association's send buffer is full, echoes wait in a queue of their channel (at most
 * {@link #MAX_PENDING_BYTES} per channel) and go out as the buffer drains; a channel whose peer
 * sends faster than it reads beyond that is closed, never silently shortened.
 */
public final class EchoSessions implements SessionHost, AutoCloseable {
  /** The most sessions at once; more offers are refused. */
  public static final int MAX_SESSIONS = 256;

  /** Echoes held per channel while the send buffer is full. */
  public static final long MAX_PENDING_BYTES = 64L << 20;

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final long LOW_THRESHOLD = 1 << 20;

  private final NioRuntime runtime;
  private final boolean ownsRuntime;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  private EchoSessions(NioRuntime runtime, boolean ownsRuntime) {
    this.runtime = runtime;
    this.ownsRuntime = ownsRuntime;
  }

  /**
   * Sessions on a runtime of their own, with host candidates on every interface, loopback included
   * (so a browser on the same machine connects even without a network).
   */
  public static EchoSessions start() {
    return new EchoSessions(
        NioRuntime.start(NioConfig.builder().includeLoopback(true).build()), true);
  }

  /** Sessions on {@code runtime}, which the caller closes. */
  public static EchoSessions on(NioRuntime runtime) {
    return new EchoSessions(runtime, false);
  }

  @Override
  public Opened open(String offerSdp) {
    if (sessions.size() >= MAX_SESSIONS) {
      throw new IllegalArgumentException("too many sessions: " + MAX_SESSIONS + " are open");
    }
    String id = HexFormat.of().formatHex(nextId());
    Session session = new Session(id);
    session.peer = NioPeerConnection.register(runtime, new RTCPeerConnection(), session::handle);
    String answer;
    try {
      answer =
          session
              .peer
              .call(
                  pc -> {
                    pc.setRemoteDescription(
                        RTCSessionDescription.offer(offerSdp), session.peer.now());
                    pc.setLocalDescription(pc.createAnswer(), session.peer.now());
                    return pc.localDescription().orElseThrow().sdp();
                  })
              .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      session.peer.close();
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw bad;
      }
      if (e.getCause() instanceof IllegalStateException state) {
        throw new IllegalArgumentException(state.getMessage(), state);
      }
      throw new IllegalStateException("answering failed", e.getCause());
    } catch (TimeoutException e) {
      session.peer.close();
      throw new IllegalStateException("answering took longer than " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      session.peer.close();
      throw new IllegalStateException("interrupted while answering", e);
    }
    sessions.put(id, session);
    session.peer.registration().closed().whenComplete((v, t) -> sessions.remove(id));
    return new Opened(id, answer);
  }

  private byte[] nextId() {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return id;
  }

  @Override
  public boolean close(String id) {
    Session session = sessions.remove(id);
    if (session == null) {
      return false;
    }
    session.peer.close();
    return true;
  }

  @Override
  public Map<String, Object> describe(String id) {
    Session session = sessions.get(id);
    if (session == null) {
      return null;
    }
    try {
      return session
          .peer
          .call(pc -> session.describe(pc))
          .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The number of open sessions. */
  public int size() {
    return sessions.size();
  }

  /** Closes every session, and the runtime if it is ours. */
  @Override
  public void close() {
    for (String id : List.copyOf(sessions.keySet())) {
      close(id);
    }
    if (ownsRuntime) {
      runtime.close();
    }
  }

  /** One peer connection and its echo channels; touched on the loop thread only. */
  private static final class Session {
    final String id;
    NioPeerConnection peer;
    final Map<DataChannel, EchoQueue> queues = new IdentityHashMap<>();
    long messagesEchoed;
    long bytesEchoed;
    final List<String> refused = new ArrayList<>();

    Session(String id) {
      this.id = id;
    }

    void handle(PeerConnectionEvent e) {
      if (e instanceof PeerConnectionEvent.DataChannelOpened opened) {
        opened.channel().setBufferedAmountLowThreshold(LOW_THRESHOLD);
      } else if (e instanceof PeerConnectionEvent.Channel c) {
        DataChannelEvent event = c.event();
        if (event instanceof DataChannelEvent.TextMessage t) {
          echo(t.channel(), t.text());
        } else if (event instanceof DataChannelEvent.BinaryMessage b) {
          echo(b.channel(), b.data());
        } else if (event instanceof DataChannelEvent.BufferedAmountLow low) {
          EchoQueue queue = queues.get(low.channel());
          if (queue != null) {
            queue.flush(low.channel());
          }
        } else if (event instanceof DataChannelEvent.Close closed) {
          queues.remove(closed.channel());
        }
      } else if (e instanceof PeerConnectionEvent.ConnectionStateChange s
          && (s.state() == PeerConnectionState.FAILED || s.state() == PeerConnectionState.CLOSED)) {
        peer.connection().close();
      }
    }

    private void echo(DataChannel channel, Object message) {
      EchoQueue queue =
          queues.computeIfAbsent(
              channel,
              c ->
                  new EchoQueue(
                      MAX_PENDING_BYTES,
                      size -> {
                        messagesEchoed++;
                        bytesEchoed += size;
                      }));
      if (!queue.echo(channel, message)) {
        refused.add(channel.label());
        channel.close(); // the peer sends faster than it reads: stop rather than drop
      }
    }

    Map<String, Object> describe(RTCPeerConnection pc) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", id);
      out.put("connectionState", pc.connectionState().name().toLowerCase(java.util.Locale.ROOT));
      out.put(
          "iceConnectionState", pc.iceConnectionState().name().toLowerCase(java.util.Locale.ROOT));
      out.put("signalingState", pc.signalingState().jsonName());
      List<Object> channels = new ArrayList<>();
      for (DataChannel c : pc.dataChannels()) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("label", c.label());
        channel.put("id", c.id());
        channel.put("readyState", c.readyState().name().toLowerCase(java.util.Locale.ROOT));
        channel.put("bufferedAmount", c.bufferedAmount());
        channels.add(channel);
      }
      out.put("channels", channels);
      out.put("messagesEchoed", messagesEchoed);
      out.put("bytesEchoed", bytesEchoed);
      pc.selectedCandidatePair()
          .ifPresent(
              p -> {
                out.put("local", p.localBase().toString());
                out.put("remote", p.remoteAddress().toString());
              });
      return out;
    }
  }
}
