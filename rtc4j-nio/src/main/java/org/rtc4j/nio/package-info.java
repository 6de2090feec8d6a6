/**
 * The NIO runtime: one thread and one selector drive many {@link org.rtc4j.nio.NioEndpoint}s over
 * UDP sockets, one set of sockets per endpoint or one shared port demultiplexed by ICE ufrag.
 */
package org.rtc4j.nio;
