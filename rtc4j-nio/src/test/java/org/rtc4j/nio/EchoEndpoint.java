package org.rtc4j.nio;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.Time;

/**
 * A test endpoint that sends every datagram back to its sender, with its tag in front. It remembers
 * what it saw; read its fields on the loop thread (through {@link NioRuntime#submit}).
 */
class EchoEndpoint implements NioEndpoint {
  static final int MAX_QUEUED = 1024;

  final byte[] tag;
  final Set<String> ufrags;
  final CompletableFuture<List<InetSocketAddress>> bound = new CompletableFuture<>();
  final ArrayDeque<Datagram> output = new ArrayDeque<>();
  int received;
  int afterDrives;
  Datagram lastSeen; // a copy, with the addresses it arrived with
  boolean closed;

  EchoEndpoint() {
    this("", Set.of());
  }

  EchoEndpoint(String tag, Set<String> ufrags) {
    this.tag = tag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    this.ufrags = ufrags;
  }

  @Override
  public void addressesBound(List<InetSocketAddress> addresses, long nowNanos) {
    bound.complete(addresses);
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    received++;
    lastSeen =
        new Datagram(
            datagram.copyPayload(),
            0,
            datagram.length(),
            datagram.local(),
            datagram.remote(),
            datagram.transport(),
            null);
    if (output.size() < MAX_QUEUED) {
      byte[] reply = new byte[tag.length + datagram.length()];
      System.arraycopy(tag, 0, reply, 0, tag.length);
      System.arraycopy(datagram.data(), datagram.offset(), reply, tag.length, datagram.length());
      output.add(datagram.reply(reply));
    }
  }

  /** Queues a datagram of its own; call on the loop thread. */
  void send(Datagram datagram) {
    output.add(datagram);
  }

  @Override
  public Datagram pollWrite() {
    return output.poll();
  }

  @Override
  public void handleTimeout(long nowNanos) {}

  @Override
  public long pollTimeout() {
    return Time.NEVER;
  }

  @Override
  public void afterDrive(long nowNanos) {
    afterDrives++;
  }

  @Override
  public Set<String> localUfrags() {
    return ufrags;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }
}
