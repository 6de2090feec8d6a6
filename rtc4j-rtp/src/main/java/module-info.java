/**
 * RTP and RTCP (RFC 3550 and the feedback RFCs): packets read in place and written into buffers,
 * header extensions, the RTCP packet types browsers send, packetizers and depacketizers. Its API
 * packages are exported with their first public types.
 */
module org.rtc4j.rtp {
  requires transitive org.rtc4j.common;
}
