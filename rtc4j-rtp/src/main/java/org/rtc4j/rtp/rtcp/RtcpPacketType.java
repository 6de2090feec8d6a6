package org.rtc4j.rtp.rtcp;

/** The RTCP packet types (the PT field) that {@link RtcpPacket#parse} knows. */
public final class RtcpPacketType {
  /** RFC 3550 §6.4.1: sender report. */
  public static final int SR = 200;

  /** RFC 3550 §6.4.2: receiver report. */
  public static final int RR = 201;

  /** RFC 3550 §6.5: source description. */
  public static final int SDES = 202;

  /** RFC 3550 §6.6: goodbye. */
  public static final int BYE = 203;

  /** RFC 3550 §6.7: application-defined. */
  public static final int APP = 204;

  /** RFC 4585 §6.1: transport layer feedback; the FMT field says which. */
  public static final int RTPFB = 205;

  /** RFC 4585 §6.1: payload-specific feedback; the FMT field says which. */
  public static final int PSFB = 206;

  /** RFC 3611 §2: extended report. */
  public static final int XR = 207;

  private RtcpPacketType() {}
}
