/**
 * RTP (RFC 3550): {@link org.rtc4j.rtp.RtpPacket}, a reusable view that reads a packet in place
 * without allocating; {@link org.rtc4j.rtp.RtpWriter}, which writes one into a caller's buffer; and
 * RFC 8285 header extensions, one-byte and two-byte, iterated by {@link
 * org.rtc4j.rtp.HeaderExtensions}.
 */
package org.rtc4j.rtp;
