package org.rtc4j.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.rtc4j.common.DatagramEndpoint;

/**
 * A machine on a {@link VirtualNetwork}: one endpoint and the IP addresses it owns, on any port.
 * Made by {@link VirtualNetwork#addHost} and its siblings; the handle names the host in link and
 * statistics calls.
 *
 * <p>An ordinary host may only send from addresses it owns. A {@linkplain #isGateway() gateway}
 * (the place for a NAT or another middlebox) may send from any address, and the hosts added behind
 * it sit in its own private address realm; see {@link VirtualNetwork} for the routing rules.
 */
public final class Host {
  final VirtualNetwork network;
  final int index;
  private final String name;
  private final DatagramEndpoint endpoint;
  private final List<InetAddress> addresses;
  private final Host gateway;
  private final boolean isGateway;

  /** Consecutive steps at one instant after which the endpoint still wanted a timeout. */
  int spinSteps;

  Host(
      VirtualNetwork network,
      int index,
      String name,
      DatagramEndpoint endpoint,
      List<InetAddress> addresses,
      Host gateway,
      boolean isGateway) {
    this.network = network;
    this.index = index;
    this.name = name;
    this.endpoint = endpoint;
    this.addresses = List.copyOf(addresses);
    this.gateway = gateway;
    this.isGateway = isGateway;
  }

  /** The name given when the host was added; unique in its network. */
  public String name() {
    return name;
  }

  /** The endpoint that this host runs. */
  public DatagramEndpoint endpoint() {
    return endpoint;
  }

  /** The IP addresses this host owns, in the order given. */
  public List<InetAddress> addresses() {
    return addresses;
  }

  /** The host's first address with {@code port}: a convenient local address for its endpoint. */
  public InetSocketAddress socketAddress(int port) {
    return new InetSocketAddress(addresses.get(0), port);
  }

  /** Whether this host owns {@code address}. */
  public boolean owns(InetAddress address) {
    return addresses.contains(address);
  }

  /** The gateway this host sits behind, or empty if it is on the public network. */
  public Optional<Host> gateway() {
    return Optional.ofNullable(gateway);
  }

  /** Whether this host is a gateway: it may send from any address and has hosts behind it. */
  public boolean isGateway() {
    return isGateway;
  }

  /** The gateway this host sits behind, or {@code null}: the realm its addresses live in. */
  Host realm() {
    return gateway;
  }

  @Override
  public String toString() {
    return name;
  }
}
