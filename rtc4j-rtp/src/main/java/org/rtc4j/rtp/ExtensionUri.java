package org.rtc4j.rtp;

/**
 * The URIs that name the RTP header extensions browsers send, as they appear in SDP's {@code
 * a=extmap} lines (RFC 8285 §5).
 */
public final class ExtensionUri {
  /** RFC 9143 (BUNDLE): the media identification (MID) of a bundled m-line. */
  public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  /** RFC 8852: RtpStreamId, the rid of a simulcast layer. */
  public static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

  /** RFC 8852: RepairedRtpStreamId, the rid that a redundancy (RTX) stream repairs. */
  public static final String REPAIRED_RTP_STREAM_ID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

  /** The absolute send time, 6.18 fixed-point seconds (webrtc.org's abs-send-time). */
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

  /** The transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01). */
  public static final String TRANSPORT_WIDE_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  /** RFC 6464: the client-to-mixer audio level. */
  public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  /** 3GPP TS 26.114 §7.4.5: coordination of video orientation (CVO). */
  public static final String VIDEO_ORIENTATION = "urn:3gpp:video-orientation";

  /** The playout delay limits (webrtc.org's playout-delay). */
  public static final String PLAYOUT_DELAY =
      "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";

  private ExtensionUri() {}
}
