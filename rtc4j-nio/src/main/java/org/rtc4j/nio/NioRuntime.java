package org.rtc4j.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.DropCounts;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.Time;
import org.rtc4j.common.TransportProtocol;
import org.rtc4j.stun.MessageType;
import org.rtc4j.stun.StunMessage;
import org.rtc4j.stun.attributes.Username;

/**
 * One thread and one {@link Selector} that drive many {@link NioEndpoint}s over UDP sockets.
 *
 * <p>{@link #register} binds sockets for an endpoint (one per host address, or the shared ones) and
 * from then on the loop thread hands it every datagram that arrives, sends every datagram it writes
 * from the socket bound to {@link Datagram#local()}, fires its timers when {@link
 * NioEndpoint#pollTimeout()} comes, and calls {@link NioEndpoint#afterDrive} after each of those.
 * Everything the endpoint sees happens on the loop thread; other threads reach it through {@link
 * Registration#execute}.
 *
 * <p>On a shared port, a datagram from a remote address the runtime has seen before goes to the
 * endpoint that address talks to; a STUN Binding request goes to the endpoint whose {@link
 * NioEndpoint#localUfrags()} holds the USERNAME's part before the colon (RFC 8445 §7.2.2: the
 * receiver's ufrag comes first); anything else is dropped and counted. A remote address an endpoint
 * sends to is remembered for it too, so that responses find their way back.
 *
 * <p>Datagrams the runtime cannot deliver or send are dropped and counted ({@link #drops()}), as
 * UDP would. An endpoint that throws a {@link RuntimeException} is unregistered, its {@link
 * Registration#closed()} fails with the exception, and the loop goes on with the others. Every
 * public method is thread-safe.
 */
public final class NioRuntime implements Executor, AutoCloseable {

  /** Why the runtime dropped a datagram. */
  public enum Drop {
    /**
     * Arrived on a shared port from an unknown address, and was no STUN request for an endpoint.
     */
    UNROUTABLE,
    /** An endpoint wrote a datagram whose local address is none of its sockets. */
    NO_SOCKET,
    /** An endpoint wrote a datagram over a transport other than UDP. */
    NOT_UDP,
    /** An endpoint wrote a datagram larger than UDP carries. */
    OVERSIZED,
    /** The socket's send buffer was full (UDP semantics: the datagram is lost). */
    SEND_BUFFER_FULL,
    /** The system refused to send: unreachable, wrong address family, unresolved address. */
    SEND_FAILED,
    /** The system failed to receive on a socket. */
    RECEIVE_FAILED
  }

  private static final System.Logger LOG = System.getLogger(NioRuntime.class.getName());

  /** The largest UDP payload (IPv4's 65,535 minus its IP and UDP headers; IPv6's is larger). */
  static final int MAX_UDP_PAYLOAD = 65_535 - 8;

  /** How many datagrams one drive may send before the endpoint waits for the next round. */
  static final int MAX_WRITES_PER_FLUSH = 1024;

  /** How long {@link #close()} waits for the loop thread to end. */
  private static final long JOIN_MILLIS = 10_000;

  private final NioConfig config;
  private final LongSupplier clock;
  private final Selector selector;
  private final List<BoundSocket> sharedSockets;
  private final Thread thread;
  private final AtomicInteger nextPort;

  // Guarded by lifecycle: the closing flag's writes, the task queue, the registrations.
  private final Object lifecycle = new Object();
  private volatile boolean closing;
  private ArrayDeque<Runnable> pending = new ArrayDeque<>();
  private final Set<Registration> registrations = new LinkedHashSet<>();

  // Guarded by itself.
  private final DropCounts<Drop> drops = new DropCounts<>(Drop.class);

  // Loop-thread state.
  private ArrayDeque<Runnable> running = new ArrayDeque<>();
  private final ArrayList<Registration> active = new ArrayList<>();
  private final ArrayList<Registration> released = new ArrayList<>(); // since the last select
  private final ArrayList<Registration> freeing = new ArrayList<>(); // freed by the next select
  private final RouteTable routes;
  private final ByteBuffer receiveBuffer = ByteBuffer.allocate(1 << 16);
  private final ByteBuffer sendBuffer = ByteBuffer.allocateDirect(MAX_UDP_PAYLOAD);
  private final Consumer<SelectionKey> onReady = this::onReady;
  private boolean sweep; // some registration in active was released
  private long earliest = Time.NEVER; // the next deadline of all endpoints: the select's timeout

  private NioRuntime(NioConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = config.clock();
    this.nextPort = new AtomicInteger(config.portMin());
    this.routes = new RouteTable(config.maxSharedRoutes());
    List<BoundSocket> shared = List.of();
    Selector opened = null;
    try {
      if (config.sharedPort() > 0) {
        List<InetAddress> hosts = HostAddresses.of(config);
        if (hosts.isEmpty()) {
          throw new SocketException("no usable host address for the shared port");
        }
        shared = bind(hosts, config.sharedPort());
      }
      opened = Selector.open();
      for (BoundSocket s : shared) {
        s.key = s.channel.register(opened, SelectionKey.OP_READ, s);
      }
    } catch (IOException e) {
      closeChannels(shared);
      closeQuietly(opened);
      throw new UncheckedIOException("cannot open the runtime's selector or shared sockets", e);
    } catch (UncheckedIOException e) {
      closeChannels(shared);
      closeQuietly(opened);
      throw e;
    }
    this.selector = opened;
    this.sharedSockets = shared;
    this.thread = new Thread(this::run, config.threadName());
    this.thread.setDaemon(config.daemon());
  }

  /**
   * Starts a runtime: binds the shared sockets if {@link NioConfig#sharedPort()} asks for them, and
   * starts the loop thread.
   *
   * @throws UncheckedIOException if the selector cannot be opened or a shared socket not bound
   */
  public static NioRuntime start(NioConfig config) {
    NioRuntime runtime = new NioRuntime(config);
    runtime.thread.start();
    return runtime;
  }

  /** The configuration it runs with. */
  public NioConfig config() {
    return config;
  }

  /** The current time on the runtime's clock, in nanoseconds: what endpoints get as {@code now}. */
  public long now() {
    return clock.getAsLong();
  }

  /** Whether the caller runs on the loop thread. */
  public boolean inLoopThread() {
    return Thread.currentThread() == thread;
  }

  /** The addresses of the shared sockets, or an empty list when endpoints get their own. */
  public List<InetSocketAddress> sharedAddresses() {
    List<InetSocketAddress> out = new ArrayList<>(sharedSockets.size());
    for (BoundSocket s : sharedSockets) {
      out.add(s.local);
    }
    return List.copyOf(out);
  }

  /**
   * Registers {@code endpoint}: binds its sockets (one per host address, on a port of {@link
   * NioConfig#portMin()}..{@link NioConfig#portMax()} or an ephemeral one) or gives it the shared
   * ones, then, on the loop thread, tells it {@link NioEndpoint#addressesBound} and drives it.
   * Returns once the loop thread has done so (at once when called on the loop thread): from then on
   * every datagram for the endpoint reaches it. A loop thread stuck in an endpoint delays it.
   *
   * @return the registration, through which the caller reaches the endpoint
   * @throws UncheckedIOException if a socket cannot be bound, or no host address is usable
   * @throws IllegalStateException if the runtime is closed
   * @throws RejectedExecutionException if the task queue is full
   */
  public Registration register(NioEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    if (closing) {
      throw new IllegalStateException("the runtime is closed");
    }
    Registration r;
    if (sharedSockets.isEmpty()) {
      List<InetAddress> hosts = HostAddresses.of(config);
      if (hosts.isEmpty()) {
        throw new UncheckedIOException(
            new SocketException("no usable host address (see NioConfig's address filters)"));
      }
      r = new Registration(this, endpoint, bind(hosts, 0), false);
    } else {
      r = new Registration(this, endpoint, sharedSockets, true);
    }
    Registration registered = r;
    boolean inLoop = inLoopThread();
    synchronized (lifecycle) {
      if (closing) {
        closeChannels(r.shared ? List.of() : r.sockets);
        throw new IllegalStateException("the runtime is closed");
      }
      if (!inLoop && pending.size() >= config.maxQueuedTasks()) {
        closeChannels(r.shared ? List.of() : r.sockets);
        throw new RejectedExecutionException("the runtime's task queue is full");
      }
      registrations.add(r);
      if (!inLoop) {
        pending.add(() -> activate(registered));
      }
    }
    if (inLoop) {
      activate(r);
    } else {
      selector.wakeup();
      // Until the loop has taken it in, a shared socket would not know where to route for it.
      r.started.join();
    }
    return r;
  }

  /**
   * Runs {@code task} on the loop thread, after the tasks given before it. A task that throws is
   * logged and the loop goes on. To touch an endpoint, use {@link Registration#execute}, which also
   * sends what the endpoint wrote.
   *
   * @throws RejectedExecutionException if the runtime is closed or its task queue is full
   */
  @Override
  public void execute(Runnable task) {
    enqueue(Objects.requireNonNull(task, "task"));
  }

  /**
   * Runs {@code task} on the loop thread and completes the future with its result, or with what it
   * threw. If the runtime closes first the future fails with {@link RejectedExecutionException}.
   *
   * @throws RejectedExecutionException if the runtime is closed or its task queue is full
   */
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    Submission<T> s = new Submission<>(Objects.requireNonNull(task, "task"));
    enqueue(s);
    return s.future;
  }

  /** Datagrams dropped so far, by reason (only non-zero counts). */
  public Map<Drop, Long> drops() {
    synchronized (drops) {
      return drops.snapshot();
    }
  }

  /** Datagrams dropped so far for {@code reason}. */
  public long dropped(Drop reason) {
    synchronized (drops) {
      return drops.get(reason);
    }
  }

  /**
   * Stops the loop: every registration ends (its {@link Registration#closed()} completes), every
   * socket and the selector are closed, and the loop thread is joined (for at most 10 s). Tasks not
   * run yet are dropped; their {@link #submit} futures fail. Doing it again does nothing. Called on
   * the loop thread, it returns at once and the loop ends after the current task.
   */
  @Override
  public void close() {
    synchronized (lifecycle) {
      closing = true;
    }
    selector.wakeup();
    if (inLoopThread()) {
      return;
    }
    try {
      thread.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (thread.isAlive()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "the loop thread {0} did not end within {1} ms: an endpoint is stuck",
          thread.getName(),
          JOIN_MILLIS);
    }
  }

  void executeFor(Registration r, Runnable task) {
    Objects.requireNonNull(task, "task");
    enqueue(
        () -> {
          if (r.state != Registration.State.ACTIVE) {
            return;
          }
          try {
            task.run();
          } catch (RuntimeException e) {
            release(r, e);
            return;
          }
          drive(r, now(), false);
        });
  }

  void unregister(Registration r) {
    if (inLoopThread()) {
      release(r, null);
      return;
    }
    synchronized (lifecycle) {
      if (closing) {
        return; // the loop's shutdown releases every registration
      }
      pending.add(() -> release(r, null)); // beyond the bound: a way out must always be there
    }
    wakeUp();
  }

  private void enqueue(Runnable task) {
    synchronized (lifecycle) {
      if (closing) {
        throw new RejectedExecutionException("the runtime is closed");
      }
      if (pending.size() >= config.maxQueuedTasks()) {
        throw new RejectedExecutionException(
            "the runtime's task queue is full (" + config.maxQueuedTasks() + " tasks)");
      }
      pending.add(task);
    }
    wakeUp();
  }

  private void wakeUp() {
    if (!inLoopThread()) {
      selector.wakeup();
    }
  }

  // ---------------------------------------------------------------- the loop

  /**
   * The loop. This is the runtime's top-level boundary: whatever escapes it (a selector failure, a
   * bug) is logged and ends the runtime cleanly, every registration with it.
   */
  private void run() {
    Throwable failure = null;
    try {
      while (!closing) {
        // What the last select read gets its timers and afterDrive before any task runs.
        service(now());
        runTasks(); // each task for an endpoint drives it, which lowers earliest
        if (closing) {
          break;
        }
        // A channel closed while its key was registered is really closed only when a select
        // deregisters the key; a key cancelled inside a select waits for the next one.
        freeing.addAll(released);
        released.clear();
        select();
        completeReleases(freeing);
      }
    } catch (Throwable t) { // top-level boundary of the loop thread, see above
      failure = t;
      LOG.log(System.Logger.Level.ERROR, "the rtc4j-nio loop failed; the runtime stops", t);
    } finally {
      shutdown(failure);
    }
  }

  private void runTasks() {
    synchronized (lifecycle) {
      ArrayDeque<Runnable> swap = running;
      running = pending;
      pending = swap;
    }
    for (Runnable task; !closing && (task = running.poll()) != null; ) {
      try {
        task.run();
      } catch (RuntimeException e) { // a plain task's failure is its own (see execute)
        LOG.log(System.Logger.Level.WARNING, "a task on the rtc4j-nio loop threw", e);
      }
    }
  }

  /**
   * Fires due timers and drives what got input, then sets {@link #earliest} from every endpoint's
   * deadline. Deadlines are those each endpoint gave after its last drive: only a drive (input, a
   * timer, a task) changes them, so a wakeup costs no call into idle endpoints.
   */
  private void service(long now) {
    earliest = Time.NEVER;
    for (int i = 0; i < active.size(); i++) {
      Registration r = active.get(i);
      if (r.state != Registration.State.ACTIVE) {
        continue;
      }
      boolean due = Time.isDue(r.deadline, now);
      if (due || r.touched) {
        r.touched = false;
        drive(r, now, due); // lowers earliest
      } else {
        earliest = Math.min(earliest, r.deadline);
      }
    }
    if (sweep) {
      sweep = false;
      active.removeIf(r -> r.state != Registration.State.ACTIVE);
    }
  }

  private void select() throws IOException {
    boolean hurry = !freeing.isEmpty();
    synchronized (lifecycle) {
      hurry |= !pending.isEmpty() || closing;
    }
    long now = now();
    if (hurry || earliest <= now) {
      selector.selectNow(onReady);
    } else if (earliest == Time.NEVER) {
      selector.select(onReady);
    } else {
      long waitNanos = earliest - now;
      if (waitNanos <= 0) {
        selector.selectNow(onReady);
      } else {
        // Round up: waking before the deadline would only spin.
        long millis = waitNanos / 1_000_000 + (waitNanos % 1_000_000 == 0 ? 0 : 1);
        selector.select(onReady, millis);
      }
    }
  }

  /** A socket is readable: hand up to maxDatagramsPerWakeup datagrams to their endpoints. */
  private void onReady(SelectionKey key) {
    if (!key.isValid() || !key.isReadable()) {
      return;
    }
    BoundSocket s = (BoundSocket) key.attachment();
    long now = now();
    byte[] array = receiveBuffer.array();
    for (int i = 0; i < config.maxDatagramsPerWakeup(); i++) {
      if (s.owner != null && s.owner.state != Registration.State.ACTIVE) {
        return; // its owner ended during this wakeup, and its socket with it
      }
      receiveBuffer.clear();
      InetSocketAddress from;
      try {
        from = (InetSocketAddress) s.channel.receive(receiveBuffer);
      } catch (IOException e) {
        count(Drop.RECEIVE_FAILED);
        debug("receive failed on {0}: {1}", s, e);
        return;
      }
      if (from == null) {
        return; // nothing more for now
      }
      int length = receiveBuffer.position();
      Registration r = s.owner != null ? s.owner : route(s, from, array, length);
      if (r == null || r.state != Registration.State.ACTIVE) {
        continue;
      }
      // RFC 7983 demultiplexing is the endpoint's; the runtime only says who sent what where.
      Datagram d = new Datagram(array, 0, length, s.local, from, TransportProtocol.UDP, null);
      try {
        r.endpoint.handleRead(d, now);
        flush(r);
      } catch (RuntimeException e) {
        release(r, e);
        continue;
      }
      r.touched = true; // its timers and afterDrive come right after this select
    }
  }

  /** Finds the endpoint a datagram on a shared socket belongs to, or counts it unroutable. */
  private Registration route(BoundSocket s, InetSocketAddress from, byte[] data, int length) {
    Registration target = isBindingRequest(data, length) ? byUfrag(data, length) : null;
    if (target != null) {
      routes.put(from, target);
      return target;
    }
    target = routes.get(from);
    if (target == null) {
      count(Drop.UNROUTABLE);
      debug("unroutable datagram from {0} on {1}", from, s);
    }
    return target;
  }

  private static boolean isBindingRequest(byte[] data, int length) {
    return StunMessage.isStun(data, 0, length)
        && (((data[0] & 0xFF) << 8) | (data[1] & 0xFF)) == MessageType.BINDING_REQUEST.toWire();
  }

  /** RFC 8445 §7.2.2: the USERNAME of a check is "receiver's ufrag:sender's ufrag". */
  private Registration byUfrag(byte[] data, int length) {
    Optional<Username> username;
    try {
      username = StunMessage.decode(data, 0, length).attribute(Username.class);
    } catch (ParseException e) {
      return null;
    }
    if (username.isEmpty()) {
      return null;
    }
    String value = username.get().value();
    int colon = value.indexOf(':');
    String ufrag = colon < 0 ? value : value.substring(0, colon);
    for (int i = 0; i < active.size(); i++) {
      Registration r = active.get(i);
      if (r.state != Registration.State.ACTIVE || !r.shared) {
        continue;
      }
      try {
        if (r.endpoint.localUfrags().contains(ufrag)) {
          return r;
        }
      } catch (RuntimeException e) {
        release(r, e);
      }
    }
    return null;
  }

  /**
   * Sends what the endpoint wrote, then its {@link NioEndpoint#afterDrive}, then what that wrote;
   * fires its timers first when {@code fireTimers}. Then notes its next deadline.
   */
  private void drive(Registration r, long now, boolean fireTimers) {
    if (r.state != Registration.State.ACTIVE) {
      return;
    }
    try {
      if (fireTimers) {
        r.endpoint.handleTimeout(now);
      }
      flush(r);
      r.endpoint.afterDrive(now);
      flush(r);
      if (r.endpoint.isClosed()) {
        release(r, null);
        return;
      }
      r.deadline = r.endpoint.pollTimeout();
    } catch (RuntimeException e) {
      release(r, e);
      return;
    }
    earliest = Math.min(earliest, r.touched ? now : r.deadline);
  }

  /** Sends what the endpoint wrote, at most {@link #MAX_WRITES_PER_FLUSH}; the rest next round. */
  private void flush(Registration r) {
    for (int i = 0; i < MAX_WRITES_PER_FLUSH; i++) {
      Datagram d = r.endpoint.pollWrite();
      if (d == null) {
        return;
      }
      send(r, d);
    }
    r.touched = true;
  }

  private void send(Registration r, Datagram d) {
    BoundSocket s = null;
    for (int i = 0; i < r.sockets.size(); i++) {
      if (r.sockets.get(i).local.equals(d.local())) {
        s = r.sockets.get(i);
        break;
      }
    }
    if (s == null) {
      count(Drop.NO_SOCKET);
      return;
    }
    if (d.transport() != TransportProtocol.UDP) {
      count(Drop.NOT_UDP);
      return;
    }
    if (d.length() > sendBuffer.capacity()) {
      count(Drop.OVERSIZED);
      return;
    }
    sendBuffer.clear();
    sendBuffer.put(d.data(), d.offset(), d.length()).flip();
    try {
      if (s.channel.send(sendBuffer, d.remote()) == 0) {
        count(Drop.SEND_BUFFER_FULL);
        return;
      }
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: an unresolved or other-family destination.
      count(Drop.SEND_FAILED);
      debug("send to {0} from {1} failed: {2}", d.remote(), s, e);
      return;
    }
    if (r.shared) {
      routes.putIfAbsent(d.remote(), r); // its responses come back to it
    }
  }

  /** Logs at debug level; builds no arguments array unless debug is on (drops come in floods). */
  private static void debug(String format, Object a, Object b) {
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, format, a, b);
    }
  }

  private static void debug(String format, Object a, Object b, Object c) {
    if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
      LOG.log(System.Logger.Level.DEBUG, format, a, b, c);
    }
  }

  private void count(Drop reason) {
    synchronized (drops) {
      drops.increment(reason);
    }
  }

  private void activate(Registration r) {
    if (r.state != Registration.State.NEW) {
      return; // unregistered before it started
    }
    if (!r.shared) {
      try {
        for (BoundSocket s : r.sockets) {
          s.key = s.channel.register(selector, SelectionKey.OP_READ, s);
        }
      } catch (IOException e) {
        release(r, new UncheckedIOException("cannot register a socket with the selector", e));
        return;
      }
    }
    r.state = Registration.State.ACTIVE;
    active.add(r);
    long now = now();
    try {
      r.endpoint.addressesBound(r.localAddresses(), now);
    } catch (RuntimeException e) {
      release(r, e);
      return;
    }
    drive(r, now, false);
    r.started.complete(null);
  }

  /**
   * Ends a registration on the loop thread: closes its own sockets and forgets its routes. Its
   * future completes after the next select, which really frees the ports.
   */
  private void release(Registration r, Throwable failure) {
    if (r.state == Registration.State.RELEASED) {
      return;
    }
    r.state = Registration.State.RELEASED;
    r.failure = failure;
    r.started.complete(null);
    sweep = true;
    if (r.shared) {
      routes.values().removeIf(v -> v == r);
    } else {
      for (BoundSocket s : r.sockets) {
        if (s.key != null) {
          s.key.cancel();
        }
      }
      closeChannels(r.sockets);
    }
    synchronized (lifecycle) {
      registrations.remove(r);
    }
    if (failure != null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "endpoint " + r.endpoint + " threw; it is unregistered",
          failure);
    }
    released.add(r);
  }

  private static void completeReleases(List<Registration> list) {
    for (int i = 0; i < list.size(); i++) {
      Registration r = list.get(i);
      if (r.failure == null) {
        r.closed.complete(null);
      } else {
        r.closed.completeExceptionally(r.failure);
      }
    }
    list.clear();
  }

  private void shutdown(Throwable failure) {
    List<Runnable> dropped = new ArrayList<>();
    List<Registration> left;
    synchronized (lifecycle) {
      closing = true;
      dropped.addAll(running);
      dropped.addAll(pending);
      running.clear();
      pending.clear();
      left = new ArrayList<>(registrations);
    }
    for (Runnable task : dropped) {
      if (task instanceof Submission<?> s) {
        s.future.completeExceptionally(new RejectedExecutionException("the runtime closed"));
      }
    }
    for (Registration r : left) {
      release(r, null);
      if (failure != null) {
        r.failure = failure;
      }
    }
    for (BoundSocket s : sharedSockets) {
      s.key.cancel();
    }
    closeChannels(sharedSockets);
    closeQuietly(selector); // deregisters every key: the sockets are really closed now
    completeReleases(freeing);
    completeReleases(released);
  }

  // ---------------------------------------------------------------- binding

  private List<BoundSocket> bind(List<InetAddress> hosts, int fixedPort) {
    List<BoundSocket> out = new ArrayList<>(hosts.size());
    try {
      for (InetAddress a : hosts) {
        out.add(bindOne(a, fixedPort));
      }
      return out;
    } catch (IOException e) {
      closeChannels(out);
      throw new UncheckedIOException("cannot bind a UDP socket: " + e.getMessage(), e);
    }
  }

  private BoundSocket bindOne(InetAddress address, int fixedPort) throws IOException {
    if (fixedPort > 0 || config.portMin() == 0) {
      return open(address, fixedPort);
    }
    int min = config.portMin();
    int size = config.portMax() - min + 1;
    int start = Math.floorMod(nextPort.getAndIncrement() - min, size);
    for (int i = 0; i < size; i++) {
      int port = min + (start + i) % size;
      try {
        BoundSocket s = open(address, port);
        nextPort.set(port + 1);
        return s;
      } catch (BindException e) {
        // taken: try the next port of the range
      }
    }
    throw new BindException(
        "no free port in " + min + "-" + config.portMax() + " on " + address.getHostAddress());
  }

  private BoundSocket open(InetAddress address, int port) throws IOException {
    DatagramChannel channel =
        DatagramChannel.open(
            address instanceof Inet6Address
                ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
    boolean bound = false;
    try {
      channel.configureBlocking(false);
      if (config.receiveBufferBytes() > 0) {
        channel.setOption(StandardSocketOptions.SO_RCVBUF, config.receiveBufferBytes());
      }
      if (config.sendBufferBytes() > 0) {
        channel.setOption(StandardSocketOptions.SO_SNDBUF, config.sendBufferBytes());
      }
      channel.bind(new InetSocketAddress(address, port));
      BoundSocket s = new BoundSocket(channel, (InetSocketAddress) channel.getLocalAddress(), null);
      bound = true;
      return s;
    } finally {
      if (!bound) {
        channel.close();
      }
    }
  }

  private static void closeChannels(List<BoundSocket> sockets) {
    for (BoundSocket s : sockets) {
      closeQuietly(s.channel);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      debug("closing {0} failed: {1}", c, e);
    }
  }

  /**
   * Which endpoint a remote address on a shared port talks to; bounded, the least recently used
   * forgotten first, so that no peer can make it grow.
   */
  private static final class RouteTable extends LinkedHashMap<InetSocketAddress, Registration> {
    private static final long serialVersionUID = 1L;
    private final int max;

    RouteTable(int max) {
      super(16, 0.75f, true);
      this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Registration> eldest) {
      return size() > max;
    }
  }

  /** A {@link #submit}ted task and its future. */
  private static final class Submission<T> implements Runnable {
    final Callable<T> task;
    final CompletableFuture<T> future = new CompletableFuture<>();

    Submission(Callable<T> task) {
      this.task = task;
    }

    @Override
    public void run() {
      try {
        future.complete(task.call());
      } catch (Exception e) { // Callable's contract: whatever it throws goes to the future
        future.completeExceptionally(e);
      }
    }
  }

  @Override
  public String toString() {
    return "NioRuntime " + thread.getName() + (closing ? " (closed)" : "");
  }
}
