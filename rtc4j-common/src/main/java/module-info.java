/**
 * Types every rtc4j layer shares: {@link org.rtc4j.common.Datagram}, the sans-I/O {@link
 * org.rtc4j.common.DatagramEndpoint} contract, time and randomness injection, and the bounded byte
 * readers and writers that every codec uses.
 */
module org.rtc4j.common {
  exports org.rtc4j.common;
}
