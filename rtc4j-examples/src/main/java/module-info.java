/** Runnable programs on rtc4j: the browser data-channel echo demo and its signaling endpoint. */
module org.rtc4j.examples {
  requires jdk.httpserver;
  requires org.rtc4j;
  requires org.rtc4j.nio;

  exports org.rtc4j.examples;
}
