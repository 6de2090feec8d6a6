package org.rtc4j.nio;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a {@link NioRuntime} binds its sockets and runs its loop. Build with {@link #builder()};
 * every setting has a default, and {@link #defaults()} takes them all.
 *
 * @param includeLoopback whether host addresses include loopback ones (127.0.0.1, ::1); default
 *     false
 * @param ipv6 whether host addresses include IPv6 ones; default false
 * @param includeLinkLocal whether IPv6 link-local addresses (fe80::/10) are used when {@code ipv6}
 *     is on; default false
 * @param bindAddresses the addresses to bind, in order; when not empty no interface is enumerated
 *     and the other address filters do not apply; default empty
 * @param portMin the lowest port an endpoint's socket may take, or 0 for an ephemeral port
 * @param portMax the highest port an endpoint's socket may take, or 0 with {@code portMin} 0
 * @param sharedPort 0 to give each endpoint its own sockets; otherwise one socket per host address
 *     on this port, shared by every endpoint and demultiplexed by ICE ufrag; default 0
 * @param maxDatagramsPerWakeup how many datagrams one socket may deliver per wakeup before the
 *     others get their turn; default 64
 * @param receiveBufferBytes the SO_RCVBUF to ask for, or 0 to leave the system's; default 4 MiB
 * @param sendBufferBytes the SO_SNDBUF to ask for, or 0 to leave the system's; default 4 MiB
 * @param maxQueuedTasks how many tasks may wait for the loop thread; default 65536
 * @param maxSharedRoutes how many remote addresses a shared port remembers (least recently used
 *     forgotten first); default 65536
 * @param threadName the loop thread's name; default {@code "rtc4j-nio"}
 * @param daemon whether the loop thread is a daemon thread; default false
 * @param clock the monotonic nanosecond clock the runtime reads for every {@code nowNanos}; default
 *     {@code System::nanoTime}
 */
public record NioConfig(
    boolean includeLoopback,
    boolean ipv6,
    boolean includeLinkLocal,
    List<InetAddress> bindAddresses,
    int portMin,
    int portMax,
    int sharedPort,
    int maxDatagramsPerWakeup,
    int receiveBufferBytes,
    int sendBufferBytes,
    int maxQueuedTasks,
    int maxSharedRoutes,
    String threadName,
    boolean daemon,
    LongSupplier clock) {

  /**
   * @throws IllegalArgumentException if a port or a bound is out of range, or a bind address is a
   *     wildcard or multicast address
   * @throws NullPointerException if a list, the name or the clock is null
   */
  public NioConfig {
    bindAddresses = List.copyOf(bindAddresses);
    for (InetAddress a : bindAddresses) {
      if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
        throw new IllegalArgumentException("bind addresses must be unicast and concrete: " + a);
      }
    }
    checkPort(portMin, "portMin");
    checkPort(portMax, "portMax");
    checkPort(sharedPort, "sharedPort");
    if ((portMin == 0) != (portMax == 0) || portMin > portMax) {
      throw new IllegalArgumentException(
          "port range must be 0-0 (ephemeral) or 1 <= min <= max: " + portMin + "-" + portMax);
    }
    if (maxDatagramsPerWakeup < 1 || maxQueuedTasks < 1 || maxSharedRoutes < 1) {
      throw new IllegalArgumentException(
          "maxDatagramsPerWakeup, maxQueuedTasks and maxSharedRoutes must be positive");
    }
    if (receiveBufferBytes < 0 || sendBufferBytes < 0) {
      throw new IllegalArgumentException("socket buffer sizes must be 0 (system) or positive");
    }
    if (Objects.requireNonNull(threadName, "threadName").isBlank()) {
      throw new IllegalArgumentException("threadName must not be blank");
    }
    Objects.requireNonNull(clock, "clock");
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " out of range: " + port);
    }
  }

  /** Every setting at its default. */
  public static NioConfig defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NioConfig}; each setter documents its setting on {@link NioConfig}. */
  public static final class Builder {
    private boolean includeLoopback;
    private boolean ipv6;
    private boolean includeLinkLocal;
    private List<InetAddress> bindAddresses = List.of();
    private int portMin;
    private int portMax;
    private int sharedPort;
    private int maxDatagramsPerWakeup = 64;
    private int receiveBufferBytes = 4 << 20;
    private int sendBufferBytes = 4 << 20;
    private int maxQueuedTasks = 65536;
    private int maxSharedRoutes = 65536;
    private String threadName = "rtc4j-nio";
    private boolean daemon;
    private LongSupplier clock = System::nanoTime;

    private Builder() {}

    /** Whether host addresses include loopback ones. */
    public Builder includeLoopback(boolean value) {
      includeLoopback = value;
      return this;
    }

    /** Whether host addresses include IPv6 ones. */
    public Builder ipv6(boolean value) {
      ipv6 = value;
      return this;
    }

    /** Whether IPv6 link-local addresses are used. */
    public Builder includeLinkLocal(boolean value) {
      includeLinkLocal = value;
      return this;
    }

    /** The exact addresses to bind; no interface is enumerated when this is not empty. */
    public Builder bindAddresses(List<InetAddress> value) {
      bindAddresses = value;
      return this;
    }

    /** The ports an endpoint's sockets may take, both ends included; 0, 0 for ephemeral ports. */
    public Builder portRange(int min, int max) {
      portMin = min;
      portMax = max;
      return this;
    }

    /** One shared socket per host address on {@code port}; 0 for sockets per endpoint. */
    public Builder sharedPort(int port) {
      sharedPort = port;
      return this;
    }

    /** How many datagrams one socket may deliver per wakeup. */
    public Builder maxDatagramsPerWakeup(int value) {
      maxDatagramsPerWakeup = value;
      return this;
    }

    /** The SO_RCVBUF to ask for, or 0 for the system's. */
    public Builder receiveBufferBytes(int value) {
      receiveBufferBytes = value;
      return this;
    }

    /** The SO_SNDBUF to ask for, or 0 for the system's. */
    public Builder sendBufferBytes(int value) {
      sendBufferBytes = value;
      return this;
    }

    /** How many tasks may wait for the loop thread. */
    public Builder maxQueuedTasks(int value) {
      maxQueuedTasks = value;
      return this;
    }

    /** How many remote addresses a shared port remembers. */
    public Builder maxSharedRoutes(int value) {
      maxSharedRoutes = value;
      return this;
    }

    /** The loop thread's name. */
    public Builder threadName(String value) {
      threadName = value;
      return this;
    }

    /** Whether the loop thread is a daemon thread. */
    public Builder daemon(boolean value) {
      daemon = value;
      return this;
    }

    /** The monotonic nanosecond clock behind every {@code nowNanos}. */
    public Builder clock(LongSupplier value) {
      clock = value;
      return this;
    }

    /**
     * The configuration.
     *
     * @throws IllegalArgumentException if a setting is out of range
     */
    public NioConfig build() {
      return new NioConfig(
          includeLoopback,
          ipv6,
          includeLinkLocal,
          bindAddresses,
          portMin,
          portMax,
          sharedPort,
          maxDatagramsPerWakeup,
          receiveBufferBytes,
          sendBufferBytes,
          maxQueuedTasks,
          maxSharedRoutes,
          threadName,
          daemon,
          clock);
    }
  }
}
