package org.rtc4j.benchmarks.dtls;

import org.rtc4j.dtls.DtlsEndpoint;
import org.rtc4j.dtls.DtlsState;

/**
 * Drives a client and a server {@link DtlsEndpoint} to {@link DtlsState#CONNECTED} in memory: each
 * datagram one writes goes straight into the other, with no loss, delay or clock. No timer is due
 * on a lossless link, so none is fired.
 */
final class InMemoryHandshake {
  /**
   * A DTLS 1.2 handshake is at most six flights (RFC 6347 §4.2.4), each a handful of datagrams; far
   * more rounds than that means the endpoints are stuck.
   */
  private static final int MAX_ROUNDS = 32;

  private InMemoryHandshake() {}

  /**
   * Starts the client and pumps datagrams both ways until both ends are connected.
   *
   * @throws IllegalStateException if they do not connect: a broken benchmark must not measure
   *     nonsense
   */
  static void run(DtlsEndpoint client, DtlsEndpoint server, long nowNanos) {
    client.start(nowNanos);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean moved = deliver(client, server, nowNanos);
      moved |= deliver(server, client, nowNanos);
      if (client.state() == DtlsState.CONNECTED && server.state() == DtlsState.CONNECTED) {
        return;
      }
      if (!moved) {
        break;
      }
    }
    throw new IllegalStateException(
        "the handshake did not finish: client "
            + client.state()
            + " "
            + client.drops()
            + ", server "
            + server.state()
            + " "
            + server.drops());
  }

  /** Hands every datagram {@code from} has to send to {@code to}; returns whether there was any. */
  private static boolean deliver(DtlsEndpoint from, DtlsEndpoint to, long nowNanos) {
    boolean any = false;
    byte[] datagram;
    while ((datagram = from.pollWrite()) != null) {
      to.handleRead(datagram, 0, datagram.length, nowNanos);
      any = true;
    }
    return any;
  }
}
