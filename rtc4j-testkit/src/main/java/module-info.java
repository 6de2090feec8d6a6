/**
 * Test support for rtc4j: a seeded virtual network on a virtual clock, with links that delay, lose,
 * duplicate, reorder and rate-limit packets, and the driver that runs sans-I/O endpoints over it.
 */
module org.rtc4j.testkit {
  requires transitive org.rtc4j.common;

  exports org.rtc4j.testkit;
}
