package org.rtc4j.nio;

import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The machine's addresses that can carry host candidates (RFC 8445 §5.1.1.1): those of interfaces
 * that are up, IPv4 always, IPv6 when asked, loopback only when asked.
 *
 * <p>The filter is a pure function over {@link Interface} values ({@link #select}), so it can be
 * tested on any input; {@link #of(NioConfig)} feeds it the machine's interfaces.
 */
public final class HostAddresses {

  /**
   * What the filter needs to know of one network interface.
   *
   * @param name the interface's name, for messages
   * @param index the system's interface index, which orders interfaces
   * @param up whether the interface is up
   * @param loopback whether it is a loopback interface
   * @param virtual whether it is a virtual sub-interface (its addresses belong to its parent)
   * @param addresses its addresses, in the system's order
   */
  public record Interface(
      String name,
      int index,
      boolean up,
      boolean loopback,
      boolean virtual,
      List<InetAddress> addresses) {

    /**
     * @throws NullPointerException if the name or the list is null
     */
    public Interface {
      Objects.requireNonNull(name, "name");
      addresses = List.copyOf(addresses);
    }

    /**
     * A snapshot of a real interface.
     *
     * @throws SocketException if the system cannot tell the interface's state
     */
    public static Interface of(NetworkInterface ni) throws SocketException {
      return new Interface(
          ni.getName(),
          ni.getIndex(),
          ni.isUp(),
          ni.isLoopback(),
          ni.isVirtual(),
          Collections.list(ni.getInetAddresses()));
    }
  }

  private HostAddresses() {}

  /**
   * The addresses a runtime with {@code config} binds: {@link NioConfig#bindAddresses()} when
   * given, otherwise {@link #select} over the machine's interfaces.
   *
   * @throws UncheckedIOException if the system cannot list its interfaces
   */
  public static List<InetAddress> of(NioConfig config) {
    if (!config.bindAddresses().isEmpty()) {
      return config.bindAddresses();
    }
    List<Interface> interfaces = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        interfaces.add(Interface.of(ni));
      }
    } catch (SocketException e) {
      throw new UncheckedIOException("cannot list the network interfaces", e);
    }
    return select(interfaces, config.includeLoopback(), config.ipv6(), config.includeLinkLocal());
  }

  /**
   * The usable addresses of {@code interfaces}, each once, in a stable order: non-loopback first,
   * then IPv4 before IPv6 (every peer can reach IPv4), then by interface index, then by address.
   * Interfaces that are down or virtual are skipped, and so are wildcard and multicast addresses.
   *
   * @param interfaces the interfaces, in any order
   * @param includeLoopback whether loopback interfaces and addresses count
   * @param ipv6 whether IPv6 addresses count
   * @param includeLinkLocal whether IPv6 link-local addresses count (with {@code ipv6})
   * @return the addresses, best first
   */
  public static List<InetAddress> select(
      List<Interface> interfaces, boolean includeLoopback, boolean ipv6, boolean includeLinkLocal) {
    record Found(InetAddress address, int index) {}
    List<Found> found = new ArrayList<>();
    Set<InetAddress> seen = new LinkedHashSet<>();
    for (Interface i : interfaces) {
      if (!i.up() || i.virtual() || (i.loopback() && !includeLoopback)) {
        continue;
      }
      for (InetAddress a : i.addresses()) {
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
          continue;
        }
        if (a.isLoopbackAddress() && !includeLoopback) {
          continue;
        }
        if (a instanceof Inet6Address) {
          if (!ipv6 || (a.isLinkLocalAddress() && !includeLinkLocal)) {
            continue;
          }
        } else if (!(a instanceof Inet4Address)) {
          continue;
        }
        if (seen.add(a)) {
          found.add(new Found(a, i.index()));
        }
      }
    }
    found.sort(
        Comparator.comparing((Found f) -> f.address().isLoopbackAddress())
            .thenComparing(f -> f.address() instanceof Inet6Address)
            .thenComparingInt(Found::index)
            .thenComparing(
                (x, y) ->
                    Arrays.compareUnsigned(x.address().getAddress(), y.address().getAddress())));
    List<InetAddress> out = new ArrayList<>(found.size());
    for (Found f : found) {
      out.add(f.address());
    }
    return List.copyOf(out);
  }
}
