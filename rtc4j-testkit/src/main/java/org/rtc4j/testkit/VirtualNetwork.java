package org.rtc4j.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DatagramEndpoint;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.Time;
import org.rtc4j.testkit.TraceEvent.Kind;

/**
 * An in-memory network of sans-I/O endpoints on a virtual clock, and the driver that runs them.
 *
 * <p>Each {@link Host} runs one {@link DatagramEndpoint} and owns IP addresses. Whatever an
 * endpoint returns from {@code pollWrite()} enters the network (its payload is copied at once, so
 * the endpoint may reuse its buffer), crosses the link from its host to the destination's host, and
 * arrives through {@code handleRead} as the receiver sees it: {@code local()} is the sender's
 * {@code remote()} and {@code remote()} is the sender's {@code local()}.
 *
 * <h2>Links</h2>
 *
 * Every ordered pair of hosts has a link in each direction. A link uses its own {@link LinkConfig}
 * when one was set with {@link #link} or {@link #linkBoth}, and the network's {@linkplain
 * #defaultLink() default} otherwise. A configuration may change at any time; it applies to packets
 * sent from then on, while packets already on the wire arrive as they were scheduled. A packet
 * meets the link's rules in this order: MTU, then the queue of a rate-limited link, then loss, then
 * delay, jitter and reordering, then duplication.
 *
 * <h2>Routing</h2>
 *
 * Addresses live in realms: the public network, and one private realm behind each gateway. An
 * address is unique within its realm, so two homes may both use {@code 192.168.1.10}. A packet from
 * host {@code S} to address {@code X} goes to the first of:
 *
 * <ol>
 *   <li>if {@code S} is a gateway, the host behind {@code S} that owns {@code X};
 *   <li>the host in {@code S}'s own realm that owns {@code X};
 *   <li>the gateway {@code S} sits behind (its default route), which receives the packet still
 *       addressed to {@code X};
 *   <li>nowhere: the packet is dropped and counted as {@link DropReason#NO_ROUTE}.
 * </ol>
 *
 * A packet to a multicast address (such as mDNS's {@code 224.0.0.251}) goes instead to every other
 * ordinary host in the sender's realm, each copy over its own link, arriving with {@code local()}
 * the multicast address.
 *
 * <p>An ordinary host must send from an address it owns; otherwise its endpoint has a bug and the
 * driver throws {@link IllegalStateException}. A gateway may send from any address, since it
 * forwards for others. A NAT is therefore an endpoint added with {@link #addGateway}: it receives
 * what its inside hosts send to the outside (addressed as they sent it), rewrites the addresses,
 * and sends it on with {@code pollWrite()}, like any other endpoint.
 *
 * <h2>Determinism</h2>
 *
 * All randomness comes from one generator seeded at construction and drawn in a fixed order. Hosts
 * are served in the order they were added, and packets due at the same instant arrive in the order
 * they were scheduled. The same seed and the same endpoints give the same {@link #trace()}, event
 * for event. Nothing here reads a clock, sleeps or starts a thread.
 *
 * <p>Not thread-safe: one test drives one network.
 */
public final class VirtualNetwork {
  /** Default {@link Builder#maxSteps}: 50 million steps per run. */
  public static final long DEFAULT_MAX_STEPS = 50_000_000L;

  /** Default {@link Builder#spinLimit}: 10,000 steps. */
  public static final int DEFAULT_SPIN_LIMIT = 10_000;

  /** Default {@link Builder#traceLimit}: one million events. */
  public static final int DEFAULT_TRACE_LIMIT = 1_000_000;

  /** Default {@link Builder#maxWritesPerDrain}: 100,000 datagrams. */
  public static final int DEFAULT_MAX_WRITES_PER_DRAIN = 100_000;

  /** Default {@link Builder#maxInFlight}: one million packets. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 1_000_000;

  private static final Comparator<Flight> SCHEDULE_ORDER =
      Comparator.comparingLong(Flight::arrival).thenComparingLong(Flight::sequence);

  private final SplittableRandom random;
  private final long maxSteps;
  private final int spinLimit;
  private final int traceLimit;
  private final int maxWritesPerDrain;
  private final int maxInFlight;

  private final List<Host> hosts = new ArrayList<>();
  private final Set<String> names = new HashSet<>();
  // Lookups only; nothing iterates these maps, so their order cannot leak into a run.
  private final Map<RealmAddress, Host> owners = new HashMap<>();
  private final Map<LinkKey, Link> links = new HashMap<>();
  private final PriorityQueue<Flight> inFlight = new PriorityQueue<>(SCHEDULE_ORDER);
  private final DropCounts<DropReason> drops = new DropCounts<>(DropReason.class);
  private final List<TraceEvent> trace = new ArrayList<>();

  private LinkConfig defaultLink;
  private boolean tracing;
  private boolean traceTruncated;
  private long now;
  private long sequence;

  private VirtualNetwork(Builder b) {
    this.random = new SplittableRandom(b.seed);
    this.defaultLink = b.defaultLink;
    this.tracing = b.tracing;
    this.traceLimit = b.traceLimit;
    this.maxSteps = b.maxSteps;
    this.spinLimit = b.spinLimit;
    this.maxWritesPerDrain = b.maxWritesPerDrain;
    this.maxInFlight = b.maxInFlight;
  }

  /** A network with every other setting at its default. */
  public static VirtualNetwork seeded(long seed) {
    return builder(seed).build();
  }

  /** A builder for a network whose randomness comes from {@code seed}. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  // ---------------------------------------------------------------- hosts

  /**
   * Adds a host on the public network.
   *
   * @param name a name unique in this network, used in messages and by {@link Host#name()}
   * @param endpoint what the host runs
   * @param addresses the IP addresses it owns (at least one), unique on the public network
   * @throws IllegalArgumentException if the name is taken, no address is given, or an address is
   *     already owned in the realm
   */
  public Host addHost(String name, DatagramEndpoint endpoint, InetAddress... addresses) {
    return add(null, name, endpoint, false, addresses);
  }

  /**
   * Adds a host in the private realm behind {@code gateway}: it reaches other hosts in that realm
   * directly, and everything else through the gateway.
   *
   * @throws IllegalArgumentException as {@link #addHost}, or if {@code gateway} is not a gateway of
   *     this network
   */
  public Host addHostBehind(
      Host gateway, String name, DatagramEndpoint endpoint, InetAddress... addresses) {
    return add(checkGateway(gateway), name, endpoint, false, addresses);
  }

  /**
   * Adds a gateway on the public network: a middlebox such as a NAT, with a private realm behind it
   * for {@link #addHostBehind}. Its endpoint receives what inside hosts send beyond their realm,
   * still addressed to its destination, and may send from any address.
   *
   * @param addresses the addresses it owns on the public network, e.g. a NAT's public address
   * @throws IllegalArgumentException as {@link #addHost}
   */
  public Host addGateway(String name, DatagramEndpoint forwarder, InetAddress... addresses) {
    return add(null, name, forwarder, true, addresses);
  }

  /**
   * Adds a gateway inside the realm of another gateway: a NAT behind a NAT.
   *
   * @throws IllegalArgumentException as {@link #addHostBehind}
   */
  public Host addGatewayBehind(
      Host gateway, String name, DatagramEndpoint forwarder, InetAddress... addresses) {
    return add(checkGateway(gateway), name, forwarder, true, addresses);
  }

  private Host add(
      Host realm,
      String name,
      DatagramEndpoint endpoint,
      boolean isGateway,
      InetAddress... addresses) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(endpoint, "endpoint");
    if (addresses.length == 0) {
      throw new IllegalArgumentException("host " + name + " needs at least one address");
    }
    if (names.contains(name)) {
      throw new IllegalArgumentException("a host named " + name + " already exists");
    }
    List<InetAddress> list = List.of(addresses); // rejects nulls
    for (int i = 0; i < addresses.length; i++) {
      Host owner = owners.get(new RealmAddress(realm, addresses[i]));
      if (owner != null || list.subList(0, i).contains(addresses[i])) {
        throw new IllegalArgumentException(
            "address "
                + addresses[i].getHostAddress()
                + " of host "
                + name
                + " is already owned in "
                + realmName(realm)
                + (owner != null ? " by host " + owner.name() : ""));
      }
    }
    Host host = new Host(this, hosts.size(), name, endpoint, list, realm, isGateway);
    names.add(name);
    for (InetAddress address : addresses) {
      owners.put(new RealmAddress(realm, address), host);
    }
    hosts.add(host);
    return host;
  }

  private Host checkGateway(Host gateway) {
    checkHost(gateway);
    if (!gateway.isGateway()) {
      throw new IllegalArgumentException("host " + gateway.name() + " is not a gateway");
    }
    return gateway;
  }

  private void checkHost(Host host) {
    Objects.requireNonNull(host, "host");
    if (host.network != this) {
      throw new IllegalArgumentException("host " + host.name() + " belongs to another network");
    }
  }

  private static String realmName(Host realm) {
    return realm == null ? "the public network" : "the realm behind " + realm.name();
  }

  /** Every host, in the order they were added (the order the driver serves them in). */
  public List<Host> hosts() {
    return Collections.unmodifiableList(hosts);
  }

  // ---------------------------------------------------------------- links

  /** The configuration of every link that has none of its own. */
  public LinkConfig defaultLink() {
    return defaultLink;
  }

  /** Sets the configuration of every link that has none of its own, from now on. */
  public void defaultLink(LinkConfig config) {
    this.defaultLink = Objects.requireNonNull(config, "config");
  }

  /** Sets the configuration of the link from {@code from} to {@code to}, from now on. */
  public void link(Host from, Host to, LinkConfig config) {
    Objects.requireNonNull(config, "config");
    linkState(from, to).config = config;
  }

  /** Sets the configuration of the links in both directions between {@code a} and {@code b}. */
  public void linkBoth(Host a, Host b, LinkConfig config) {
    link(a, b, config);
    link(b, a, config);
  }

  /** Makes the link from {@code from} to {@code to} follow the default configuration again. */
  public void resetLink(Host from, Host to) {
    linkState(from, to).config = null;
  }

  /** The configuration that the link from {@code from} to {@code to} uses now. */
  public LinkConfig linkConfig(Host from, Host to) {
    checkHost(from);
    checkHost(to);
    Link link = links.get(new LinkKey(from, to));
    return link == null || link.config == null ? defaultLink : link.config;
  }

  /** A snapshot of the counters of the link from {@code from} to {@code to}. */
  public LinkStats linkStats(Host from, Host to) {
    checkHost(from);
    checkHost(to);
    Link link = links.get(new LinkKey(from, to));
    return link == null ? new LinkStats(0, 0, 0, 0, 0, 0, 0) : link.stats();
  }

  /** Packets dropped anywhere in the network for {@code reason}. */
  public long dropCount(DropReason reason) {
    return drops.get(reason);
  }

  /** Packets on the wire now: sent, and neither delivered nor dropped yet. */
  public int packetsInFlight() {
    return inFlight.size();
  }

  private Link linkState(Host from, Host to) {
    checkHost(from);
    checkHost(to);
    return links.computeIfAbsent(new LinkKey(from, to), k -> new Link());
  }

  // ---------------------------------------------------------------- trace

  /** A copy of the events recorded so far, oldest first. */
  public List<TraceEvent> trace() {
    return List.copyOf(trace);
  }

  /** Switches recording of the trace on or off; counters are kept either way. */
  public void tracing(boolean on) {
    this.tracing = on;
  }

  /** Whether events were left out of the trace because it reached its limit. */
  public boolean traceTruncated() {
    return traceTruncated;
  }

  /** Forgets the events recorded so far, and the truncation flag. */
  public void clearTrace() {
    trace.clear();
    traceTruncated = false;
  }

  private void record(
      Kind kind, InetSocketAddress from, InetSocketAddress to, int length, int contentHash) {
    if (!tracing) {
      return;
    }
    if (trace.size() >= traceLimit) {
      traceTruncated = true;
      return;
    }
    trace.add(new TraceEvent(now, kind, from, to, length, contentHash));
  }

  // ---------------------------------------------------------------- the driver

  /** The virtual clock, in nanoseconds; it starts at 0. */
  public long now() {
    return now;
  }

  /**
   * Runs the network until {@code condition} holds or {@code maxDurationNanos} of virtual time have
   * passed. Each step: every host's {@code pollWrite()} is drained onto the links, in host order;
   * the condition is checked; the clock moves to the next event (the earliest arrival or endpoint
   * deadline); every packet due then is delivered in schedule order; and every endpoint whose
   * deadline has come gets {@code handleTimeout}. Events at exactly the time limit still happen.
   *
   * @return true as soon as the condition holds (checked before the first step and after each);
   *     false when the time limit comes first, with the clock at the limit
   * @throws IllegalStateException if an endpoint misbehaves (sends from an address its host does
   *     not own, keeps asking for a timeout that has passed, never stops writing) or the run
   *     exceeds its step or in-flight bounds
   */
  public boolean runUntil(BooleanSupplier condition, long maxDurationNanos) {
    Objects.requireNonNull(condition, "condition");
    long limit = Time.after(now, maxDurationNanos); // throws on a negative duration
    if (condition.getAsBoolean()) {
      return true;
    }
    long steps = 0;
    long stepsAtThisInstant = 0;
    while (true) {
      drain();
      if (condition.getAsBoolean()) {
        return true;
      }
      long next = nextEvent();
      if (next == Time.NEVER || next > limit) {
        now = Math.max(now, limit);
        return false;
      }
      if (++steps > maxSteps) {
        throw new IllegalStateException(
            "run exceeded "
                + maxSteps
                + " steps at t="
                + now
                + " ns; the clock has not moved for "
                + stepsAtThisInstant
                + " of them (endpoints answering each other over zero-delay links?)");
      }
      if (next > now) {
        now = next;
        stepsAtThisInstant = 0;
        for (Host host : hosts) {
          host.spinSteps = 0;
        }
      } else {
        stepsAtThisInstant++;
      }
      deliverDue();
      fireTimeouts();
    }
  }

  /** Runs the network for {@code durationNanos} of virtual time. */
  public void runFor(long durationNanos) {
    runUntil(() -> false, durationNanos);
  }

  private long nextEvent() {
    long next = inFlight.isEmpty() ? Time.NEVER : inFlight.peek().arrival();
    for (Host host : hosts) {
      next = Math.min(next, host.endpoint().pollTimeout());
    }
    return next;
  }

  private void drain() {
    for (int i = 0; i < hosts.size(); i++) {
      Host host = hosts.get(i);
      int writes = 0;
      for (Datagram out; (out = host.endpoint().pollWrite()) != null; ) {
        if (++writes > maxWritesPerDrain) {
          throw new IllegalStateException(
              "host "
                  + host.name()
                  + " returned more than "
                  + maxWritesPerDrain
                  + " datagrams from pollWrite() at t="
                  + now
                  + " ns without returning null");
        }
        send(host, out);
      }
    }
  }

  private void deliverDue() {
    while (!inFlight.isEmpty() && inFlight.peek().arrival() <= now) {
      Flight f = inFlight.poll();
      Datagram d = f.datagram();
      f.link().delivered++;
      f.link().bytesDelivered += d.length();
      record(Kind.DELIVER, d.remote(), d.local(), d.length(), f.contentHash());
      f.to().endpoint().handleRead(d, now);
    }
  }

  private void fireTimeouts() {
    for (int i = 0; i < hosts.size(); i++) {
      Host host = hosts.get(i);
      DatagramEndpoint endpoint = host.endpoint();
      if (endpoint.pollTimeout() > now) {
        host.spinSteps = 0;
        continue;
      }
      endpoint.handleTimeout(now);
      long again = endpoint.pollTimeout();
      if (again > now) {
        host.spinSteps = 0;
      } else if (++host.spinSteps >= spinLimit) {
        throw new IllegalStateException(
            "host "
                + host.name()
                + " is spinning: after handleTimeout("
                + now
                + ") its pollTimeout() was still "
                + again
                + " (not after now) for "
                + host.spinSteps
                + " steps in a row");
      }
    }
  }

  // ---------------------------------------------------------------- a packet's way

  private void send(Host from, Datagram out) {
    InetSocketAddress source = out.local();
    InetSocketAddress destination = out.remote();
    if (source.isUnresolved() || destination.isUnresolved()) {
      throw new IllegalStateException(
          "host " + from.name() + " sent a datagram with an unresolved address: " + out);
    }
    if (!from.isGateway() && !from.owns(source.getAddress())) {
      throw new IllegalStateException(
          "host "
              + from.name()
              + " sent from "
              + source
              + ", an address it does not own (it owns "
              + from.addresses()
              + "): the endpoint set a wrong local() on "
              + out);
    }
    byte[] payload = out.copyPayload();
    int length = payload.length;
    int hash = Arrays.hashCode(payload);

    if (destination.getAddress().isMulticastAddress()) {
      // Link-local multicast (mDNS): every other ordinary host in the sender's realm gets a
      // copy, each over its own link.
      for (Host to : hosts) {
        if (to != from && !to.isGateway() && to.realm() == from.realm()) {
          transmit(from, to, out, payload.clone(), hash);
        }
      }
      return;
    }
    Host to = route(from, destination.getAddress());
    if (to == null) {
      drops.increment(DropReason.NO_ROUTE);
      record(Kind.DROP_NO_ROUTE, source, destination, length, hash);
      return;
    }
    transmit(from, to, out, payload, hash);
  }

  /** Puts one copy of {@code out} on the link from {@code from} to {@code to}. */
  private void transmit(Host from, Host to, Datagram out, byte[] payload, int hash) {
    InetSocketAddress source = out.local();
    InetSocketAddress destination = out.remote();
    int length = payload.length;
    Link link = linkState(from, to);
    LinkConfig config = link.config != null ? link.config : defaultLink;
    link.sent++;
    record(Kind.SEND, source, destination, length, hash);

    if (length > config.mtu()) {
      link.mtuDropped++;
      drops.increment(DropReason.MTU);
      record(Kind.DROP_MTU, source, destination, length, hash);
      return;
    }
    long departure = now;
    long bandwidth = config.bandwidthBitsPerSecond();
    if (bandwidth > 0) {
      long start = Math.max(now, link.freeAt);
      if (start - now > config.maxQueueDelayNanos()) {
        link.queueDropped++;
        drops.increment(DropReason.QUEUE_FULL);
        record(Kind.DROP_QUEUE, source, destination, length, hash);
        return;
      }
      departure = Time.after(start, serializationNanos(length, bandwidth));
      link.freeAt = departure;
    }
    if (chance(config.loss())) {
      link.lost++;
      drops.increment(DropReason.LOSS);
      record(Kind.DROP_LOSS, source, destination, length, hash);
      return;
    }
    // As the receiver sees it: its local() is where the packet was sent to.
    Datagram arriving =
        new Datagram(
            payload, 0, length, destination, source, out.transport(), out.ecn().orElse(null));
    schedule(to, link, config, departure, arriving, hash);
    if (chance(config.duplication())) {
      link.duplicated++;
      record(Kind.DUPLICATE, source, destination, length, hash);
      Datagram copy =
          new Datagram(
              payload.clone(),
              0,
              length,
              destination,
              source,
              out.transport(),
              out.ecn().orElse(null));
      schedule(to, link, config, departure, copy, hash);
    }
  }

  /** The host that receives a packet {@code from} sends to {@code address}, or null. */
  private Host route(Host from, InetAddress address) {
    if (from.isGateway()) {
      Host inside = owners.get(new RealmAddress(from, address));
      if (inside != null) {
        return inside;
      }
    }
    Host sameRealm = owners.get(new RealmAddress(from.realm(), address));
    return sameRealm != null ? sameRealm : from.realm();
  }

  private void schedule(
      Host to, Link link, LinkConfig config, long departure, Datagram datagram, int hash) {
    if (inFlight.size() >= maxInFlight) {
      throw new IllegalStateException(
          "more than "
              + maxInFlight
              + " packets in flight at t="
              + now
              + " ns; is an endpoint flooding the network?");
    }
    long arrival = Time.after(departure, config.delayNanos());
    long jitter = config.jitterNanos();
    if (jitter > 0) {
      long extra = jitter < Long.MAX_VALUE ? random.nextLong(jitter + 1) : random.nextLong() >>> 1;
      arrival = Time.after(arrival, extra);
    }
    if (chance(config.reorder())) {
      arrival = Time.after(arrival, config.reorderDelayNanos());
    } else {
      // Jitter alone never lets a packet overtake one sent before it.
      arrival = Math.max(arrival, link.lastInOrderArrival);
      link.lastInOrderArrival = arrival;
    }
    inFlight.add(new Flight(arrival, sequence++, to, link, datagram, hash));
  }

  private boolean chance(double probability) {
    if (probability <= 0.0) {
      return false;
    }
    if (probability >= 1.0) {
      return true;
    }
    return random.nextDouble() < probability;
  }

  /** How long {@code length} bytes occupy a link of {@code bitsPerSecond}, rounded up. */
  static long serializationNanos(int length, long bitsPerSecond) {
    long bits = length * 8L;
    if (bits <= Long.MAX_VALUE / 1_000_000_000L) {
      long scaled = bits * 1_000_000_000L;
      return scaled / bitsPerSecond + (scaled % bitsPerSecond == 0 ? 0 : 1);
    }
    return (long) Math.ceil(bits * 1e9 / bitsPerSecond);
  }

  /** An address in a realm: {@code realm} is the gateway the realm sits behind, null if public. */
  private record RealmAddress(Host realm, InetAddress address) {}

  /** One direction between two hosts. */
  private record LinkKey(Host from, Host to) {}

  /** A packet on the wire, due at {@code arrival}; {@code sequence} breaks ties in send order. */
  private record Flight(
      long arrival, long sequence, Host to, Link link, Datagram datagram, int contentHash) {}

  /** The mutable state of one direction of a link: its configuration, queue and counters. */
  private static final class Link {
    LinkConfig config; // null: follow the network's default
    long freeAt; // when a rate-limited link finishes sending what it has queued
    long lastInOrderArrival; // when the latest packet that was not reordered arrives
    long sent;
    long delivered;
    long lost;
    long mtuDropped;
    long queueDropped;
    long duplicated;
    long bytesDelivered;

    LinkStats stats() {
      return new LinkStats(
          sent, delivered, lost, mtuDropped, queueDropped, duplicated, bytesDelivered);
    }
  }

  /** Builds a {@link VirtualNetwork}; every setting has a default. */
  public static final class Builder {
    private final long seed;
    private LinkConfig defaultLink = LinkConfig.ideal();
    private boolean tracing = true;
    private int traceLimit = DEFAULT_TRACE_LIMIT;
    private long maxSteps = DEFAULT_MAX_STEPS;
    private int spinLimit = DEFAULT_SPIN_LIMIT;
    private int maxWritesPerDrain = DEFAULT_MAX_WRITES_PER_DRAIN;
    private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

    private Builder(long seed) {
      this.seed = seed;
    }

    /** The configuration of links that have none of their own; default {@link LinkConfig#ideal}. */
    public Builder defaultLink(LinkConfig config) {
      this.defaultLink = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Whether to record the trace from the start; default true. */
    public Builder tracing(boolean on) {
      this.tracing = on;
      return this;
    }

    /**
     * How many trace events to keep; after that, recording stops and {@link
     * VirtualNetwork#traceTruncated()} turns true. Default {@link
     * VirtualNetwork#DEFAULT_TRACE_LIMIT}.
     */
    public Builder traceLimit(int events) {
      this.traceLimit = atLeast("trace limit", events, 0);
      return this;
    }

    /**
     * How many steps one {@code runUntil} may take before it throws {@link IllegalStateException}.
     * Default {@link VirtualNetwork#DEFAULT_MAX_STEPS}.
     */
    public Builder maxSteps(long steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("max steps must be positive: " + steps);
      }
      this.maxSteps = steps;
      return this;
    }

    /**
     * How many steps in a row, without the clock moving, an endpoint may still ask for a timeout
     * that has come after {@code handleTimeout}, before the driver throws {@link
     * IllegalStateException} naming its host. Default {@link VirtualNetwork#DEFAULT_SPIN_LIMIT}.
     */
    public Builder spinLimit(int steps) {
      this.spinLimit = atLeast("spin limit", steps, 1);
      return this;
    }

    /**
     * How many datagrams one host may return from {@code pollWrite()} in one step before the driver
     * throws {@link IllegalStateException}. Default {@link
     * VirtualNetwork#DEFAULT_MAX_WRITES_PER_DRAIN}.
     */
    public Builder maxWritesPerDrain(int datagrams) {
      this.maxWritesPerDrain = atLeast("max writes per drain", datagrams, 1);
      return this;
    }

    /**
     * How many packets may be on the wire at once before the driver throws {@link
     * IllegalStateException}. Default {@link VirtualNetwork#DEFAULT_MAX_IN_FLIGHT}.
     */
    public Builder maxInFlight(int packets) {
      this.maxInFlight = atLeast("max in flight", packets, 1);
      return this;
    }

    /** The network, with its clock at 0. */
    public VirtualNetwork build() {
      return new VirtualNetwork(this);
    }

    private static int atLeast(String what, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
      }
      return value;
    }
  }
}
