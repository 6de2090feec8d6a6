/**
 * RTCP (RFC 3550 §6 and the feedback RFCs): {@link org.rtc4j.rtp.rtcp.RtcpCompound}, a view that
 * steps through the packets of a compound packet without allocating, and {@link
 * org.rtc4j.rtp.rtcp.RtcpPacket}, a sealed interface with one record per packet type, each with its
 * own parse and write: SR, RR, SDES, BYE, APP, generic NACK, PLI, SLI, FIR, REMB, transport-wide
 * congestion control feedback, RFC 8888 congestion control feedback and XR (RRTR, DLRR). Other
 * types are kept as {@link org.rtc4j.rtp.rtcp.UnknownRtcp}.
 */
package org.rtc4j.rtp.rtcp;
