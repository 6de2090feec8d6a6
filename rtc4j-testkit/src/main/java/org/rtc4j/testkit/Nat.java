package org.rtc4j.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.Time;

/**
 * A NAT with endpoint-independent mapping (RFC 4787 §4.1): an inside address and port get one
 * public port, whatever they send to. Its filtering of inbound packets is one of RFC 4787 §5's
 * three behaviours. Add it with {@link VirtualNetwork#addGateway} on its public address, and the
 * hosts it serves with {@link VirtualNetwork#addHostBehind}.
 *
 * <p>Mappings never expire (tests are short); their number is bounded, and packets that find no
 * mapping or no permission are dropped and counted.
 */
public final class Nat implements DatagramEndpoint {
  /** Which inbound packets a mapping lets in (RFC 4787 §5). */
  public enum Filtering {
    /** Anyone may send to a mapped port ("full cone"). */
    ENDPOINT_INDEPENDENT,
    /** Only IP addresses the inside host has sent to ("restricted cone"). */
    ADDRESS_DEPENDENT,
    /** Only IP address and port pairs the inside host has sent to ("port restricted"). */
    ADDRESS_AND_PORT_DEPENDENT
  }

  private static final int FIRST_PORT = 40000;
  private static final int MAX_MAPPINGS = 10_000;

  private final InetAddress publicAddress;
  private final Filtering filtering;
  private final Map<InetSocketAddress, Integer> portByInside = new HashMap<>();
  private final Map<Integer, InetSocketAddress> insideByPort = new HashMap<>();
  private final Map<Integer, Set<Object>> permissions = new HashMap<>();
  private final ArrayDeque<Datagram> outbox = new ArrayDeque<>();
  private int nextPort = FIRST_PORT;
  private long dropped;

  /**
   * @param publicAddress the NAT's outside address
   * @param filtering how inbound packets are filtered
   */
  public Nat(InetAddress publicAddress, Filtering filtering) {
    this.publicAddress = Objects.requireNonNull(publicAddress, "publicAddress");
    this.filtering = Objects.requireNonNull(filtering, "filtering");
  }

  /** The public address and port an inside address is mapped to, if it has sent anything. */
  public InetSocketAddress mappingOf(InetSocketAddress inside) {
    Integer port = portByInside.get(inside);
    return port == null ? null : new InetSocketAddress(publicAddress, port);
  }

  /** Inbound packets dropped: no mapping, no permission, or too many mappings. */
  public long dropped() {
    return dropped;
  }

  @Override
  public void handleRead(Datagram datagram, long nowNanos) {
    // Seen from a gateway, local() is where the packet was addressed, remote() who sent it.
    if (datagram.local().getAddress().equals(publicAddress)) {
      inbound(datagram);
    } else {
      outbound(datagram);
    }
  }

  private void outbound(Datagram datagram) {
    InetSocketAddress inside = datagram.remote();
    Integer port = portByInside.get(inside);
    if (port == null) {
      if (portByInside.size() >= MAX_MAPPINGS) {
        dropped++;
        return;
      }
      port = nextPort++;
      portByInside.put(inside, port);
      insideByPort.put(port, inside);
    }
    InetSocketAddress destination = datagram.local();
    permissions
        .computeIfAbsent(port, p -> new HashSet<>())
        .add(
            filtering == Filtering.ADDRESS_AND_PORT_DEPENDENT
                ? destination
                : destination.getAddress());
    outbox.add(
        Datagram.udp(
            datagram.copyPayload(), new InetSocketAddress(publicAddress, port), destination));
  }

  private void inbound(Datagram datagram) {
    int port = datagram.local().getPort();
    InetSocketAddress inside = insideByPort.get(port);
    if (inside == null || !permitted(port, datagram.remote())) {
      dropped++;
      return;
    }
    outbox.add(Datagram.udp(datagram.copyPayload(), datagram.remote(), inside));
  }

  private boolean permitted(int port, InetSocketAddress from) {
    Set<Object> allowed = permissions.getOrDefault(port, Set.of());
    return switch (filtering) {
      case ENDPOINT_INDEPENDENT -> true;
      case ADDRESS_DEPENDENT -> allowed.contains(from.getAddress());
      case ADDRESS_AND_PORT_DEPENDENT -> allowed.contains(from);
    };
  }

  @Override
  public Datagram pollWrite() {
    return outbox.poll();
  }

  @Override
  public void handleTimeout(long nowNanos) {
    // Mappings do not expire.
  }

  @Override
  public long pollTimeout() {
    return Time.NEVER;
  }
}
