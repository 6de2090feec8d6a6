/**
 * RTP and RTCP (RFC 3550 and the feedback RFCs): packets read in place and written into buffers,
 * header extensions, the RTCP packet types browsers send.
 */
module org.rtc4j.rtp {
  requires transitive org.rtc4j.common;

  exports org.rtc4j.rtp;
  exports org.rtc4j.rtp.codec;
  exports org.rtc4j.rtp.extension;
  exports org.rtc4j.rtp.rtcp;
}
