package org.rtc4j.common;

/**
 * The sans-I/O contract that every rtc4j protocol layer keeps: bytes and time in; bytes and the
 * next deadline out. Events for the application are polled from each layer's own {@code
 * pollEvent()}, whose type is the layer's.
 *
 * <p>The owner drives it in a loop: hand it what arrived ({@link #handleRead}), send everything
 * {@link #pollWrite} gives until it gives {@code null}, and call {@link #handleTimeout} when the
 * time returned by {@link #pollTimeout} has come. An implementation never does I/O, never reads a
 * clock, never blocks, and is not thread-safe: one thread owns it.
 */
public interface DatagramEndpoint {

  /**
   * Takes a datagram that arrived from the network. Malformed or hostile input is dropped and
   * counted; it never makes this method throw.
   *
   * @param datagram what arrived; read it during this call only
   * @param nowNanos the current time
   */
  void handleRead(Datagram datagram, long nowNanos);

  /** The next datagram to send, or {@code null} when there is nothing to send now. */
  Datagram pollWrite();

  /**
   * Tells the endpoint that time has passed; it fires every timer that is due.
   *
   * @param nowNanos the current time
   */
  void handleTimeout(long nowNanos);

  /** The next time at which {@link #handleTimeout} should be called, or {@link Time#NEVER}. */
  long pollTimeout();
}
