package org.rtc4j.nio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.Datagram;
import org.rtc4j.common.Time;

/** The runtime over real loopback UDP: echo, timers, tasks, failures, and freeing its ports. */
class NioRuntimeTest {
  static final long WAIT_SECONDS = 5;
  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  static NioConfig.Builder loopback() {
    return NioConfig.builder().bindAddresses(List.of(LOOPBACK)).threadName("nio-test");
  }

  NioRuntime start(NioConfig config) {
    NioRuntime runtime = NioRuntime.start(config);
    toClose.add(runtime);
    return runtime;
  }

  UdpClient client() {
    UdpClient c = new UdpClient();
    toClose.add(c);
    return c;
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Waits for what the loop thread will make true, one loop round trip at a time; bounded. */
  static void awaitOnLoop(NioRuntime runtime, BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    for (int round = 0; round < 100_000 && System.nanoTime() < deadline; round++) {
      if (await(runtime.submit(condition::getAsBoolean))) {
        return;
      }
    }
    throw new AssertionError("the condition did not come true within " + WAIT_SECONDS + " s");
  }

  static int freePort() throws IOException {
    try (DatagramChannel probe = DatagramChannel.open()) {
      probe.bind(new InetSocketAddress(LOOPBACK, 0));
      return ((InetSocketAddress) probe.getLocalAddress()).getPort();
    }
  }

  static void assertBindable(InetSocketAddress address) throws IOException {
    try (DatagramChannel again = DatagramChannel.open()) {
      again.bind(address); // throws BindException if the runtime still held it
    }
  }

  @Test
  void anEchoEndpointSendsAClientsDatagramBack() throws Exception {
    NioRuntime runtime = start(loopback().build());
    EchoEndpoint echo = new EchoEndpoint("echo:", Set.of());
    Registration registration = runtime.register(echo);
    InetSocketAddress address = registration.localAddresses().get(0);
    assertEquals(LOOPBACK, address.getAddress());
    assertNotEquals(0, address.getPort());
    assertEquals(registration.localAddresses(), await(echo.bound));

    UdpClient client = client();
    client.send("hello", address);
    assertEquals("echo:hello", client.receiveText());

    Datagram seen = await(runtime.submit(() -> echo.lastSeen));
    assertEquals(address, seen.local(), "local is the socket's bound address");
    assertEquals(client.address(), seen.remote(), "remote is the sender");
    assertTrue(await(runtime.submit(() -> echo.afterDrives)) >= 2, "afterDrive after each drive");
  }

  @Test
  void aThousandDatagramsRoundTripInOrderAndIntact() throws Exception {
    NioRuntime runtime = start(loopback().build());
    InetSocketAddress address = runtime.register(new EchoEndpoint()).localAddresses().get(0);
    UdpClient client = client();
    for (int i = 0; i < 1000; i++) {
      byte[] payload = new byte[1 + i % 1200];
      ByteBuffer.wrap(payload).put((byte) i);
      payload[payload.length - 1] = (byte) (i * 7);
      client.send(payload, address);
      assertArrayEquals(payload, client.receive(), "datagram " + i);
    }
  }

  @Test
  void aBurstIsDeliveredWhenOnlyOneDatagramIsReadPerWakeup() throws Exception {
    NioRuntime runtime = start(loopback().maxDatagramsPerWakeup(1).build());
    InetSocketAddress address = runtime.register(new EchoEndpoint()).localAddresses().get(0);
    UdpClient client = client();
    for (int i = 0; i < 200; i++) {
      client.send("n" + i, address);
    }
    Set<String> back = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      back.add(client.receiveText());
    }
    assertEquals(200, back.size());
    assertTrue(back.contains("n0") && back.contains("n199"));
  }

  /** Fires once at {@code delay} after it was bound, then re-arms {@code times - 1} times. */
  static final class TimerEndpoint implements NioEndpoint {
    final long delay;
    int left;
    long deadline = Time.NEVER;
    final List<Long> deadlines = new ArrayList<>();
    final List<Long> firedAt = new ArrayList<>();
    final CompletableFuture<Void> done = new CompletableFuture<>();

    TimerEndpoint(long delay, int times) {
      this.delay = delay;
      this.left = times;
    }

    @Override
    public void addressesBound(List<InetSocketAddress> addresses, long nowNanos) {
      arm(nowNanos);
    }

    private void arm(long nowNanos) {
      deadline = Time.after(nowNanos, delay);
      deadlines.add(deadline);
    }

    @Override
    public void handleTimeout(long nowNanos) {
      if (!Time.isDue(deadline, nowNanos)) {
        return;
      }
      firedAt.add(nowNanos);
      deadline = Time.NEVER;
      if (--left > 0) {
        arm(nowNanos);
      } else {
        done.complete(null);
      }
    }

    @Override
    public long pollTimeout() {
      return deadline;
    }

    @Override
    public void handleRead(Datagram datagram, long nowNanos) {}

    @Override
    public Datagram pollWrite() {
      return null;
    }
  }

  @Test
  void timersFireWhenTheirDeadlineComesOnTheRuntimesClock() throws Exception {
    NioRuntime runtime = start(loopback().build());
    TimerEndpoint timer = new TimerEndpoint(Time.millis(5), 10);
    runtime.register(timer);
    await(timer.done);
    List<Long> deadlines = await(runtime.submit(() -> List.copyOf(timer.deadlines)));
    List<Long> fired = await(runtime.submit(() -> List.copyOf(timer.firedAt)));
    assertEquals(10, fired.size());
    for (int i = 0; i < fired.size(); i++) {
      assertTrue(fired.get(i) >= deadlines.get(i), "timer " + i + " fired early");
    }
  }

  @Test
  void timeComesOnlyFromTheConfiguredClock() throws Exception {
    AtomicLong clock = new AtomicLong(1_000);
    NioRuntime runtime = start(loopback().clock(clock::get).build());
    TimerEndpoint timer = new TimerEndpoint(Time.millis(50), 1);
    runtime.register(timer);
    long deadline = 1_000 + Time.millis(50);
    awaitOnLoop(runtime, () -> timer.deadlines.contains(deadline));
    assertFalse(timer.done.isDone(), "the clock has not moved: nothing is due");

    clock.set(deadline);
    runtime.execute(() -> {}); // wake the loop now rather than at its next poll
    await(timer.done);
    assertEquals(List.of(deadline), await(runtime.submit(() -> List.copyOf(timer.firedAt))));
    assertEquals(deadline, runtime.now());
  }

  @Test
  void tasksRunOnTheLoopThreadAndWhatTheyWriteIsSent() throws Exception {
    NioRuntime runtime = start(loopback().build());
    assertEquals("nio-test", await(runtime.submit(() -> Thread.currentThread().getName())));
    assertTrue(await(runtime.submit(runtime::inLoopThread)));
    assertFalse(runtime.inLoopThread());

    EchoEndpoint echo = new EchoEndpoint();
    Registration registration = runtime.register(echo);
    InetSocketAddress local = registration.localAddresses().get(0);
    UdpClient client = client();
    CompletableFuture<String> ranOn = new CompletableFuture<>();
    registration.execute(
        () -> {
          ranOn.complete(Thread.currentThread().getName());
          echo.send(
              Datagram.udp("pushed".getBytes(StandardCharsets.US_ASCII), local, client.address()));
        });
    assertEquals("nio-test", await(ranOn));
    assertEquals("pushed", client.receiveText());
  }

  @Test
  void aFailingTaskFailsItsFutureOrIsLoggedAndTheLoopGoesOn() throws Exception {
    NioRuntime runtime = start(loopback().build());
    CompletableFuture<Object> failing =
        runtime.submit(
            () -> {
              throw new IOException("no");
            });
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(failing));
    assertInstanceOf(IOException.class, e.getCause());
    runtime.execute(
        () -> {
          throw new IllegalStateException("a plain task that throws");
        });
    assertEquals(7, await(runtime.submit(() -> 7)));
  }

  @Test
  void theTaskQueueIsBounded() throws Exception {
    NioRuntime runtime = start(loopback().maxQueuedTasks(2).build());
    CompletableFuture<Void> started = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<Object> blocker =
        runtime.submit(
            () -> {
              started.complete(null);
              return release.get(WAIT_SECONDS, TimeUnit.SECONDS);
            });
    await(started); // the loop thread is busy: the queue now fills
    runtime.execute(() -> {});
    runtime.execute(() -> {});
    assertThrows(RejectedExecutionException.class, () -> runtime.execute(() -> {}));
    release.complete(null);
    await(blocker);
    assertEquals("free again", await(runtime.submit(() -> "free again")));
  }

  @Test
  void closeIsIdempotentEndsRegistrationsAndFreesThePorts() throws Exception {
    NioRuntime runtime = start(loopback().build());
    Registration registration = runtime.register(new EchoEndpoint());
    InetSocketAddress address = registration.localAddresses().get(0);
    runtime.close();
    runtime.close();
    await(registration.closed());
    assertBindable(address);
    assertThrows(RejectedExecutionException.class, () -> runtime.execute(() -> {}));
    assertThrows(RejectedExecutionException.class, () -> runtime.submit(() -> 1));
    assertThrows(IllegalStateException.class, () -> runtime.register(new EchoEndpoint()));
  }

  @Test
  void closeFromTheLoopThreadEndsTheRuntime() throws Exception {
    NioRuntime runtime = start(loopback().build());
    Registration registration = runtime.register(new EchoEndpoint());
    runtime.execute(runtime::close);
    await(registration.closed());
    assertThrows(RejectedExecutionException.class, () -> runtime.execute(() -> {}));
  }

  @Test
  void tasksLeftWhenTheRuntimeClosesFailTheirFutures() throws Exception {
    NioRuntime runtime = start(loopback().build());
    CompletableFuture<Void> started = new CompletableFuture<>();
    CompletableFuture<Void> release = new CompletableFuture<>();
    runtime.submit(
        () -> {
          started.complete(null);
          return release.get(WAIT_SECONDS, TimeUnit.SECONDS);
        });
    await(started);
    CompletableFuture<Integer> never = runtime.submit(() -> 1);
    CompletableFuture<Void> closer = CompletableFuture.runAsync(runtime::close);
    awaitClosing(runtime);
    release.complete(null);
    await(closer);
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(never));
    assertInstanceOf(RejectedExecutionException.class, e.getCause());
  }

  /** Waits until the runtime refuses tasks, that is until close() has begun; bounded. */
  static void awaitClosing(NioRuntime runtime) throws TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    for (int round = 0; round < 10_000_000 && System.nanoTime() < deadline; round++) {
      try {
        runtime.execute(() -> {});
      } catch (RejectedExecutionException closing) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new TimeoutException("close() did not begin");
  }

  @Test
  void unregisterClosesTheEndpointsSocketsAndCompletesClosed() throws Exception {
    NioRuntime runtime = start(loopback().build());
    Registration registration = runtime.register(new EchoEndpoint());
    InetSocketAddress address = registration.localAddresses().get(0);
    registration.unregister();
    registration.unregister();
    await(registration.closed());
    assertBindable(address);
    CompletableFuture<String> skipped = new CompletableFuture<>();
    registration.execute(() -> skipped.complete("ran"));
    await(runtime.submit(() -> null));
    assertFalse(skipped.isDone(), "a task for an ended registration is skipped");
  }

  /** Throws from handleRead: a broken endpoint. */
  static final class ThrowingEndpoint extends EchoEndpoint {
    @Override
    public void handleRead(Datagram datagram, long nowNanos) {
      throw new IllegalStateException("boom");
    }
  }

  @Test
  void anEndpointThatThrowsIsRemovedAndTheOthersKeepWorking() throws Exception {
    NioRuntime runtime = start(loopback().build());
    Registration broken = runtime.register(new ThrowingEndpoint());
    Registration healthy = runtime.register(new EchoEndpoint("ok:", Set.of()));
    UdpClient client = client();

    client.send("x", broken.localAddresses().get(0));
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(broken.closed()));
    assertEquals("boom", e.getCause().getMessage());
    assertBindable(broken.localAddresses().get(0));

    client.send("still here", healthy.localAddresses().get(0));
    assertEquals("ok:still here", client.receiveText());
    assertFalse(healthy.closed().isDone());
  }

  @Test
  void anEndpointThatThrowsWhenBoundFailsItsRegistration() throws Exception {
    NioRuntime runtime = start(loopback().build());
    Registration r =
        runtime.register(
            new EchoEndpoint() {
              @Override
              public void addressesBound(List<InetSocketAddress> addresses, long nowNanos) {
                throw new IllegalArgumentException("cannot use " + addresses);
              }
            });
    ExecutionException e = assertThrows(ExecutionException.class, () -> await(r.closed()));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void anEndpointThatSaysItIsClosedIsRemovedAfterItsLastWrite() throws Exception {
    NioRuntime runtime = start(loopback().build());
    EchoEndpoint once =
        new EchoEndpoint("last:", Set.of()) {
          @Override
          public void handleRead(Datagram datagram, long nowNanos) {
            super.handleRead(datagram, nowNanos);
            closed = true;
          }
        };
    Registration r = runtime.register(once);
    UdpClient client = client();
    client.send("bye", r.localAddresses().get(0));
    assertEquals("last:bye", client.receiveText());
    await(r.closed());
    assertBindable(r.localAddresses().get(0));
  }

  @Test
  void aDatagramFromAnAddressTheEndpointDoesNotOwnIsDroppedAndCounted() throws Exception {
    NioRuntime runtime = start(loopback().build());
    EchoEndpoint echo = new EchoEndpoint();
    Registration r = runtime.register(echo);
    InetSocketAddress elsewhere = new InetSocketAddress(LOOPBACK, 9);
    InetSocketAddress notOurs = new InetSocketAddress(LOOPBACK, 1);
    r.execute(() -> echo.send(Datagram.udp(new byte[] {1}, notOurs, elsewhere)));
    awaitOnLoop(runtime, () -> runtime.dropped(NioRuntime.Drop.NO_SOCKET) == 1);
    assertEquals(java.util.Map.of(NioRuntime.Drop.NO_SOCKET, 1L), runtime.drops());
    assertFalse(r.closed().isDone(), "a bad write is dropped, not a failure");
  }

  @Test
  void writesTheSocketCannotCarryAreDroppedAndCounted() throws Exception {
    NioRuntime runtime = start(loopback().build());
    EchoEndpoint echo = new EchoEndpoint();
    Registration r = runtime.register(echo);
    InetSocketAddress local = r.localAddresses().get(0);
    InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 9);
    InetSocketAddress v4 = new InetSocketAddress(LOOPBACK, 9);
    r.execute(
        () -> {
          echo.send(Datagram.udp(new byte[70_000], local, v4));
          echo.send(Datagram.udp(new byte[] {1}, local, v6)); // an IPv4 socket cannot reach it
          echo.send(
              new Datagram(
                  new byte[] {1}, 0, 1, local, v4, org.rtc4j.common.TransportProtocol.TCP, null));
        });
    awaitOnLoop(runtime, () -> runtime.drops().size() == 3);
    assertEquals(
        java.util.Map.of(
            NioRuntime.Drop.OVERSIZED, 1L,
            NioRuntime.Drop.SEND_FAILED, 1L,
            NioRuntime.Drop.NOT_UDP, 1L),
        runtime.drops());
    UdpClient client = client();
    client.send("fine", local);
    assertEquals("fine", client.receiveText());
  }

  @Test
  void socketsComeFromThePortRangeAndAnExhaustedRangeFailsTheRegistration() throws Exception {
    int port = freePort();
    NioRuntime runtime = start(loopback().portRange(port, port).build());
    Registration first = runtime.register(new EchoEndpoint());
    assertEquals(port, first.localAddresses().get(0).getPort());
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> runtime.register(new EchoEndpoint()));
    assertTrue(e.getMessage().contains(Integer.toString(port)), e.getMessage());
    first.unregister();
    await(first.closed());
    assertEquals(port, runtime.register(new EchoEndpoint()).localAddresses().get(0).getPort());
  }

  @Test
  void anAddressThatIsNotThisMachinesCannotBeBound() throws Exception {
    InetAddress testNet = InetAddress.getByName("192.0.2.1"); // RFC 5737 TEST-NET-1
    NioRuntime runtime = start(NioConfig.builder().bindAddresses(List.of(testNet)).build());
    assertThrows(UncheckedIOException.class, () -> runtime.register(new EchoEndpoint()));
    assertEquals(5, await(runtime.submit(() -> 5)), "the runtime is still fine");
  }

  @Test
  void theRegistrationKnowsItsEndpoint() throws Exception {
    NioRuntime runtime = start(loopback().build());
    EchoEndpoint echo = new EchoEndpoint();
    Registration r = runtime.register(echo);
    assertSame(echo, r.endpoint());
    assertTrue(runtime.sharedAddresses().isEmpty());
  }
}
