package org.rtc4j.common;

/** The transport a {@link Datagram} travelled over. */
public enum TransportProtocol {
  /** UDP: one datagram is one packet. */
  UDP,
  /** TCP: the datagram was framed on a stream (RFC 4571 or RFC 6544 framing). */
  TCP
}
