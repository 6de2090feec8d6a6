package org.rtc4j.dtls.interop;

/**
 * The sans-I/O face of a DTLS endpoint that {@link UdpPump} drives over a real UDP socket: bytes
 * in, datagrams out, and one timer, all on the caller's clock.
 */
public interface PumpedEndpoint {
  /**
   * One datagram received from the peer; {@code data} is valid only during the call (the pump
   * reuses its buffer).
   */
  void handleRead(byte[] data, int offset, int length, long nowNanos);

  /** The next datagram payload to send to the peer, or {@code null} when there is none. */
  byte[] pollWrite();

  /** The deadline from {@link #pollTimeout()} has come. */
  void handleTimeout(long nowNanos);

  /**
   * When {@link #handleTimeout} is next due, in {@code nowNanos} terms; {@link Long#MAX_VALUE}
   * ({@code org.rtc4j.common.Time.NEVER}) when never.
   */
  long pollTimeout();
}
