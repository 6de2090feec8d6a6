/**
 * Test support for rtc4j: a seeded virtual network on a virtual clock, with links that delay, lose,
 * duplicate, reorder and rate-limit packets, the driver that runs sans-I/O endpoints over it, and
 * launchers for real peers (OpenSSL, headless browsers in network namespaces).
 */
module org.rtc4j.testkit {
  requires transitive org.rtc4j.common;
  requires org.junit.jupiter.api;
  // Compile-time only: the tests, compiled into this module, run a page server on the JDK's
  // com.sun.net.httpserver; the main code does not use it.
  requires static jdk.httpserver;

  exports org.rtc4j.testkit;
}
