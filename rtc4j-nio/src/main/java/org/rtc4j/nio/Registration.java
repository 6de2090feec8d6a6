package org.rtc4j.nio;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.rtc4j.common.Time;

/**
 * One {@link NioEndpoint} registered with a {@link NioRuntime}: its bound addresses, a way to run
 * code on the loop thread for it, and its end. Every method is thread-safe.
 */
public final class Registration implements Executor {
  /** Where a registration is in its life; read and written on the loop thread only. */
  enum State {
    /** Bound, waiting for the loop thread to start driving it. */
    NEW,
    /** Driven by the loop. */
    ACTIVE,
    /** Unregistered: its sockets are closed and nothing of it is called again. */
    RELEASED
  }

  private final NioRuntime runtime;
  final NioEndpoint endpoint;

  /** The sockets it sends from: its own, or the runtime's shared ones. */
  final List<BoundSocket> sockets;

  /** Whether {@link #sockets} are the runtime's shared ones (this registration owns none). */
  final boolean shared;

  private final List<InetSocketAddress> localAddresses;
  final CompletableFuture<Void> closed = new CompletableFuture<>();

  /** Completes when the loop thread has taken the registration in (or ended it). */
  final CompletableFuture<Void> started = new CompletableFuture<>();

  // Loop-thread state.
  State state = State.NEW;
  boolean touched; // got input, or has output left over: drive it before the next select
  long deadline = Time.NEVER; // its pollTimeout() after its last drive
  Throwable failure;

  /**
   * @param runtime the runtime that drives it
   * @param endpoint the endpoint
   * @param bound freshly bound sockets it will own, or the runtime's shared sockets
   * @param shared whether {@code bound} are the shared sockets
   */
  Registration(NioRuntime runtime, NioEndpoint endpoint, List<BoundSocket> bound, boolean shared) {
    this.runtime = runtime;
    this.endpoint = endpoint;
    this.shared = shared;
    List<BoundSocket> own = new ArrayList<>(bound.size());
    List<InetSocketAddress> addresses = new ArrayList<>(bound.size());
    for (BoundSocket s : bound) {
      own.add(shared ? s : new BoundSocket(s.channel, s.local, this));
      addresses.add(s.local);
    }
    this.sockets = List.copyOf(own);
    this.localAddresses = List.copyOf(addresses);
  }

  /** The endpoint this registration drives. */
  public NioEndpoint endpoint() {
    return endpoint;
  }

  /** The concrete local addresses bound for the endpoint, best first: its host candidates. */
  public List<InetSocketAddress> localAddresses() {
    return localAddresses;
  }

  /**
   * Runs {@code task} on the loop thread, then sends what the endpoint wrote and calls its {@link
   * NioEndpoint#afterDrive}. Tasks run in the order they were given. A task that throws ends the
   * registration as if the endpoint had thrown. If the registration has ended by the time the task
   * would run, the task is skipped.
   *
   * @throws RejectedExecutionException if the runtime is closed or its task queue is full
   */
  @Override
  public void execute(Runnable task) {
    runtime.executeFor(this, task);
  }

  /**
   * Ends the registration: the endpoint is no longer driven and its own sockets are closed (shared
   * sockets stay). Returns at once; {@link #closed()} completes when it is done. Doing it twice, or
   * after the runtime closed, does nothing.
   */
  public void unregister() {
    runtime.unregister(this);
  }

  /**
   * Completes when the registration has ended and its ports are free: normally when it was
   * unregistered, when the endpoint said {@link NioEndpoint#isClosed()} or when the runtime closed;
   * exceptionally with what the endpoint threw, if it threw.
   */
  public CompletableFuture<Void> closed() {
    return closed.copy();
  }

  @Override
  public String toString() {
    return "Registration " + localAddresses + " of " + endpoint;
  }
}
