package org.rtc4j.nio;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import org.rtc4j.common.DatagramEndpoint;

/**
 * A sans-I/O endpoint that the NIO runtime drives over real sockets: typically one
 * RTCPeerConnection. Every method is called on the runtime's loop thread, never concurrently.
 */
public interface NioEndpoint extends DatagramEndpoint {

  /**
   * Tells the endpoint which local addresses the runtime bound for it, once, right after it was
   * registered: they are its host candidates. Datagrams it writes must leave from one of them.
   *
   * @param addresses the bound addresses, concrete (never a wildcard)
   * @param nowNanos the current time
   */
  void addressesBound(List<InetSocketAddress> addresses, long nowNanos);

  /**
   * Called after the runtime handed the endpoint input, fired its timers or ran a task for it, and
   * sent what it wrote: the place for the owner to poll its events. What it writes here is sent
   * too.
   *
   * @param nowNanos the current time
   */
  default void afterDrive(long nowNanos) {}

  /**
   * The ICE usernames fragments this endpoint answers to. On a shared port the runtime routes a
   * STUN request from an unknown address to the endpoint whose ufrag starts its USERNAME.
   */
  default Set<String> localUfrags() {
    return Set.of();
  }

  /** Whether the endpoint is finished; the runtime then unregisters it and frees its sockets. */
  default boolean isClosed() {
    return false;
  }
}
