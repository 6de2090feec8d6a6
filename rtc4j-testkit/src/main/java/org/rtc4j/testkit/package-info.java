/**
 * Test support for rtc4j: a {@link org.rtc4j.testkit.VirtualNetwork} that runs sans-I/O endpoints
 * over in-memory links on a virtual clock.
 *
 * <p>A test adds a {@link org.rtc4j.testkit.Host} per endpoint, configures the links between them
 * with {@link org.rtc4j.testkit.LinkConfig} (delay, jitter, loss, duplication, reordering, MTU,
 * bandwidth), and drives the whole network with {@link org.rtc4j.testkit.VirtualNetwork#runUntil}.
 * A seconds-long call runs in milliseconds, and a seed makes every run the same: the {@linkplain
 * org.rtc4j.testkit.VirtualNetwork#trace() trace} of {@link org.rtc4j.testkit.TraceEvent}s and the
 * per-link {@link org.rtc4j.testkit.LinkStats} show what happened to every packet.
 *
 * <pre>{@code
 * VirtualNetwork net = VirtualNetwork.seeded(1);
 * Host a = net.addHost("a", alice, InetAddress.getByName("10.0.0.1"));
 * Host b = net.addHost("b", bob, InetAddress.getByName("10.0.0.2"));
 * net.linkBoth(a, b, LinkConfig.builder().delayNanos(Time.millis(25)).loss(0.05).build());
 * assertTrue(net.runUntil(() -> alice.isConnected() && bob.isConnected(), Time.seconds(10)));
 * net.linkBoth(a, b, LinkConfig.down()); // cut the call
 * }</pre>
 *
 * <p>Real peers run as child processes on loopback: {@link org.rtc4j.testkit.OpenSslDtls} (OpenSSL
 * as a DTLS 1.2 peer), and headless browsers ({@link org.rtc4j.testkit.Browser}) that each run
 * inside a fresh {@link org.rtc4j.testkit.NetworkNamespace} with only {@code lo}, together with
 * whatever they talk to, started as a {@link org.rtc4j.testkit.ChildProcess}. {@link
 * org.rtc4j.testkit.RealPeers} decides whether such a test runs, skips (a developer machine without
 * the browser or root) or fails (CI).
 */
package org.rtc4j.testkit;
