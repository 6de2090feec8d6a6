/**
 * SDP (RFC 8866) as WebRTC uses it: session descriptions parsed and written back exactly, with
 * typed views of the attributes that JSEP (RFC 8829) negotiates.
 */
module org.rtc4j.sdp {
  requires transitive org.rtc4j.common;

  exports org.rtc4j.sdp;
}
