/**
 * The NIO runtime: one thread and one selector drive many {@link org.rtc4j.nio.NioEndpoint}s over
 * UDP sockets, one set of sockets per endpoint or one shared port demultiplexed by ICE ufrag.
 *
 * <p>An endpoint is any sans-I/O state machine plus three hooks: it learns its bound addresses
 * ({@link org.rtc4j.nio.NioEndpoint#addressesBound}), it gets a turn after every drive to poll its
 * events ({@link org.rtc4j.nio.NioEndpoint#afterDrive}), and it says when it is done ({@link
 * org.rtc4j.nio.NioEndpoint#isClosed}). The runtime does the rest:
 *
 * <pre>{@code
 * try (NioRuntime runtime = NioRuntime.start(NioConfig.builder().ipv6(true).build())) {
 *   Registration registration = runtime.register(endpoint); // binds, then drives it
 *   System.out.println("host candidates: " + registration.localAddresses());
 *   // Other threads reach the endpoint only through the loop thread:
 *   registration.execute(() -> endpoint.send("hello")); // what it writes is sent at once
 *   Integer answer = runtime.submit(() -> 42).get(1, TimeUnit.SECONDS);
 *   registration.closed().get(); // until it says isClosed(), is unregistered, or throws
 * }
 * }</pre>
 *
 * <p>Everything an endpoint sees happens on the loop thread, with {@code nowNanos} read from {@link
 * org.rtc4j.nio.NioConfig#clock()}; so the endpoint itself needs no locks.
 */
package org.rtc4j.nio;
