package org.rtc4j.nio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rtc4j.PeerConnectionEvent;
import org.rtc4j.RTCPeerConnection;
import org.rtc4j.common.Datagram;

/**
 * An {@link RTCPeerConnection} driven by a {@link NioRuntime} over real UDP sockets: its host
 * candidates are the addresses the runtime binds for it, and its events go to a listener on the
 * loop thread.
 *
 * <p>The connection belongs to the loop thread. Touch it from anywhere with {@link #call}, which
 * runs on the loop thread, hands in the runtime's clock, and sends whatever the call made the
 * connection write; from inside the listener (already on the loop thread) use it directly, passing
 * {@link #now()}.
 *
 * <pre>{@code
 * NioRuntime runtime = NioRuntime.start(NioConfig.builder().includeLoopback(true).build());
 * NioPeerConnection peer =
 *     NioPeerConnection.register(runtime, new RTCPeerConnection(), event -> { ... });
 * String answer =
 *     peer.call(pc -> {
 *           pc.setRemoteDescription(RTCSessionDescription.offer(offerSdp), peer.now());
 *           pc.setLocalDescription(pc.createAnswer(), peer.now());
 *           return pc.localDescription().orElseThrow().sdp();
 *         })
 *         .get();
 * }</pre>
 */
public final class NioPeerConnection implements NioEndpoint {
  private final NioRuntime runtime;
  private final RTCPeerConnection pc;
  private final Consumer<PeerConnectionEvent> listener;
  private Registration registration;

  private NioPeerConnection(
      NioRuntime runtime, RTCPeerConnection pc, Consumer<PeerConnectionEvent> listener) {
    this.runtime = runtime;
    this.pc = pc;
    this.listener = listener;
  }

  /**
   * Binds sockets for {@code pc} on {@code runtime} and starts driving it.
   *
   * @param listener gets every event of the connection, on the loop thread
   * @throws java.io.UncheckedIOException if no socket could be bound
   */
  public static NioPeerConnection register(
      NioRuntime runtime, RTCPeerConnection pc, Consumer<PeerConnectionEvent> listener) {
    NioPeerConnection peer =
        new NioPeerConnection(
            Objects.requireNonNull(runtime, "runtime"),
            Objects.requireNonNull(pc, "pc"),
            Objects.requireNonNull(listener, "listener"));
    peer.registration = runtime.register(peer);
    return peer;
  }

  /**
   * Runs {@code action} on the loop thread with the connection, then sends what it wrote and
   * delivers the events it raised.
   *
   * @return what the action returned, or its exception
   */
  public <T> CompletableFuture<T> call(Function<RTCPeerConnection, T> action) {
    CompletableFuture<T> result = new CompletableFuture<>();
    registration.execute(
        () -> {
          try {
            result.complete(action.apply(pc));
          } catch (RuntimeException e) { // handed to the caller, who made the call
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /** The connection; use it on the loop thread only (in the listener or in {@link #call}). */
  public RTCPeerConnection connection() {
    return pc;
  }

  /** The runtime's clock, for the connection's calls that take the time. */
  public long now() {
    return runtime.now();
  }

  /** The registration: the bound addresses, and its end. */
  public Registration registration() {
    return registration;
  }

  /** Closes the connection on the loop thread; its sockets are freed once it has sent its last. */
  public CompletableFuture<Void> close() {
    return call(
        c -> {
          c.close();
          return null;
        });
  }

  @Override
  public void addressesBound(List<InetSocketAddress> addresses, long nowNanos) {
    pc.setHostAddresses(addresses, nowNanos);
  }

  @Override
  public void afterDrive(long nowNanos) {
    for (PeerConnectionEvent e = pc.pollEvent(); e != null; e = pc.pollEvent()) {
      listener.accept(e);
    }
  }

  @Override
  public Set<String> localUfrags() {
    return pc.localUfrags();
  }

  @Override
  public boolean isClosed() {
    return pc.isClosed();
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    pc.handleRead(datagram, nowNanos);
  }

  @Override
  public Datagram pollWrite() {
    return pc.pollWrite();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    pc.handleTimeout(nowNanos);
  }

  @Override
  public long pollTimeout() {
    return pc.pollTimeout();
  }
}
