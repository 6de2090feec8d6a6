package org.rtc4j.testkit;

import java.util.ArrayDeque;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.Time;

/** A test endpoint that sends every datagram back to where it came from, from where it arrived. */
final class EchoEndpoint implements DatagramEndpoint {
  private final ArrayDeque<Datagram> outbox = new ArrayDeque<>();
  int echoed;

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    echoed++;
    // Seen from this side, local() is our address and remote() the sender's: reply as is.
    outbox.add(Datagram.udp(datagram.copyPayload(), datagram.local(), datagram.remote()));
  }

  @Override
  public Datagram pollWrite() {
    return outbox.poll();
  }

  @Override
  public void handleTimeout(long nowNanos) {}

  @Override
  public long pollTimeout() {
    return Time.NEVER;
  }
}
