/**
 * An optional runtime for rtc4j: one thread and one {@link java.nio.channels.Selector} drive many
 * sans-I/O endpoints over real UDP sockets. The only rtc4j module that does I/O.
 */
module org.rtc4j.nio {
  requires transitive org.rtc4j.common;
  requires org.rtc4j.stun;
  requires transitive org.rtc4j;

  exports org.rtc4j.nio;
}
