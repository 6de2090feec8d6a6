package org.rtc4j.sdp;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What we can send and receive in RTP media sections: the codecs and RTP header extensions (RFC
 * 8285) of each media kind, and whether we do RTX (RFC 4588) for it. {@link MediaNegotiation}
 * offers and answers with it.
 *
 * <p>RTX is not a codec in these lists: with {@link #audioRtx} or {@link #videoRtx} set, an offer
 * gives every codec of that kind that carries media or RED ({@link Codec#isFec() FEC} excepted) an
 * RTX payload type right after its own, and an answer accepts an offered RTX payload type whose
 * {@code apt=} it accepted.
 *
 * @param audio the audio codecs, in order of preference
 * @param video the video codecs, in order of preference
 * @param audioExtensions the URIs of the header extensions for audio, in order of preference
 * @param videoExtensions the URIs of the header extensions for video, in order of preference
 * @param audioRtx whether we send and receive RTX for audio
 * @param videoRtx whether we send and receive RTX for video
 */
public record MediaCapabilities(
    List<Codec> audio,
    List<Codec> video,
    List<String> audioExtensions,
    List<String> videoExtensions,
    boolean audioRtx,
    boolean videoRtx) {

  /** Header extension: the audio level of each packet (RFC 6464). */
  public static final String SSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

  /** Header extension: transport-wide sequence numbers for transport-cc. */
  public static final String TRANSPORT_WIDE_CC =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

  /** Header extension: the MID of the packet's media section (RFC 8843 §15.2). */
  public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  /** Header extension: the RID of a simulcast stream (RFC 8852 §3.1). */
  public static final String SDES_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

  /** Header extension: the RID a repair stream repairs (RFC 8852 §3.2). */
  public static final String SDES_REPAIRED_RTP_STREAM_ID =
      "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";

  /** Header extension: the absolute send time, for receive-side bandwidth estimation. */
  public static final String ABS_SEND_TIME =
      "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

  /** At most this many extensions per kind: the ids a one-byte header can carry (RFC 8285 §4.2). */
  public static final int MAX_EXTENSIONS = 14;

  /** The video feedback of {@link #defaults()}. */
  private static final List<String> VIDEO_FEEDBACK =
      List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");

  /**
   * @throws IllegalArgumentException if a list names RTX as a codec, two codecs of a kind prefer
   *     the same payload type, a codec prefers one of 64 to 95 (which rtcp-mux keeps for RTCP; RFC
   *     5761 §4), an extension URI is not visible characters without spaces or is listed twice, or
   *     a kind has more than {@link #MAX_EXTENSIONS} extensions
   */
  public MediaCapabilities {
    audio = List.copyOf(audio);
    video = List.copyOf(video);
    audioExtensions = List.copyOf(audioExtensions);
    videoExtensions = List.copyOf(videoExtensions);
    requireCodecs(audio, MediaDescription.AUDIO);
    requireCodecs(video, MediaDescription.VIDEO);
    requireExtensions(audioExtensions, MediaDescription.AUDIO);
    requireExtensions(videoExtensions, MediaDescription.VIDEO);
  }

  /**
   * Capabilities without RTX for either kind.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public MediaCapabilities(
      List<Codec> audio,
      List<Codec> video,
      List<String> audioExtensions,
      List<String> videoExtensions) {
    this(audio, video, audioExtensions, videoExtensions, false, false);
  }

  /** Nothing at all: every audio and video section is rejected. */
  public static MediaCapabilities none() {
    return new MediaCapabilities(List.of(), List.of(), List.of(), List.of(), false, false);
  }

  /**
   * What a browser offers, less what rtc4j does not do yet:
   *
   * <ul>
   *   <li>audio: opus/48000/2 ({@code minptime=10;useinbandfec=1}, transport-cc), PCMU/8000 on
   *       payload type 0, PCMA/8000 on 8; extensions ssrc-audio-level, transport-wide-cc, sdes:mid;
   *       no RTX;
   *   <li>video: VP8/90000, VP9/90000 ({@code profile-id=0}), H264/90000 ({@code
   *       level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f}), AV1/90000, each
   *       with goog-remb, transport-cc, ccm fir, nack and nack pli; RTX for each; extensions
   *       abs-send-time, transport-wide-cc, sdes:mid, sdes:rtp-stream-id,
   *       sdes:repaired-rtp-stream-id.
   * </ul>
   *
   * No RED, ulpfec or flexfec.
   */
  public static MediaCapabilities defaults() {
    Map<String, String> h264 = new LinkedHashMap<>();
    h264.put("level-asymmetry-allowed", "1");
    h264.put("packetization-mode", "1");
    h264.put("profile-level-id", "42e01f");
    Map<String, String> opus = new LinkedHashMap<>();
    opus.put("minptime", "10");
    opus.put("useinbandfec", "1");
    return new MediaCapabilities(
        List.of(
            Codec.audio(Codec.OPUS, 48000, 2)
                .withParameters(opus)
                .withFeedback(List.of("transport-cc")),
            Codec.audio(Codec.PCMU, 8000, 1).withPreferredPayloadType(0),
            Codec.audio(Codec.PCMA, 8000, 1).withPreferredPayloadType(8)),
        List.of(
            Codec.video(Codec.VP8, 90000).withFeedback(VIDEO_FEEDBACK),
            Codec.video(Codec.VP9, 90000)
                .withParameter("profile-id", "0")
                .withFeedback(VIDEO_FEEDBACK),
            Codec.video(Codec.H264, 90000).withParameters(h264).withFeedback(VIDEO_FEEDBACK),
            Codec.video(Codec.AV1, 90000).withFeedback(VIDEO_FEEDBACK)),
        List.of(SSRC_AUDIO_LEVEL, TRANSPORT_WIDE_CC, SDES_MID),
        List.of(
            ABS_SEND_TIME,
            TRANSPORT_WIDE_CC,
            SDES_MID,
            SDES_RTP_STREAM_ID,
            SDES_REPAIRED_RTP_STREAM_ID),
        false,
        true);
  }

  /**
   * The codecs of {@code kind} ({@link MediaDescription#AUDIO} or {@link MediaDescription#VIDEO}),
   * in order of preference; empty for any other kind.
   */
  public List<Codec> codecs(String kind) {
    if (MediaDescription.AUDIO.equals(kind)) {
      return audio;
    }
    return MediaDescription.VIDEO.equals(kind) ? video : List.of();
  }

  /**
   * The header extension URIs of {@code kind}, in order; empty for a kind other than audio/video.
   */
  public List<String> extensions(String kind) {
    if (MediaDescription.AUDIO.equals(kind)) {
      return audioExtensions;
    }
    return MediaDescription.VIDEO.equals(kind) ? videoExtensions : List.of();
  }

  /** Whether we do RTX for {@code kind}; false for a kind other than audio/video. */
  public boolean rtx(String kind) {
    if (MediaDescription.AUDIO.equals(kind)) {
      return audioRtx;
    }
    return MediaDescription.VIDEO.equals(kind) && videoRtx;
  }

  /** These capabilities with {@code codecs} for {@code kind} (audio or video). */
  public MediaCapabilities withCodecs(String kind, List<Codec> codecs) {
    requireKind(kind);
    return MediaDescription.AUDIO.equals(kind)
        ? new MediaCapabilities(codecs, video, audioExtensions, videoExtensions, audioRtx, videoRtx)
        : new MediaCapabilities(
            audio, codecs, audioExtensions, videoExtensions, audioRtx, videoRtx);
  }

  /** These capabilities with the header extensions {@code uris} for {@code kind}. */
  public MediaCapabilities withExtensions(String kind, List<String> uris) {
    requireKind(kind);
    return MediaDescription.AUDIO.equals(kind)
        ? new MediaCapabilities(audio, video, uris, videoExtensions, audioRtx, videoRtx)
        : new MediaCapabilities(audio, video, audioExtensions, uris, audioRtx, videoRtx);
  }

  /** These capabilities with RTX for {@code kind} on or off. */
  public MediaCapabilities withRtx(String kind, boolean rtx) {
    requireKind(kind);
    return MediaDescription.AUDIO.equals(kind)
        ? new MediaCapabilities(audio, video, audioExtensions, videoExtensions, rtx, videoRtx)
        : new MediaCapabilities(audio, video, audioExtensions, videoExtensions, audioRtx, rtx);
  }

  private static void requireKind(String kind) {
    Syntax.require(
        MediaDescription.AUDIO.equals(kind) || MediaDescription.VIDEO.equals(kind),
        "kind must be audio or video: " + Syntax.quote(kind));
  }

  private static void requireCodecs(List<Codec> codecs, String kind) {
    Set<Integer> preferred = new HashSet<>();
    for (Codec codec : codecs) {
      Syntax.require(
          !codec.isRtx(), kind + ": RTX is the rtx flag of MediaCapabilities, not a codec");
      int pt = codec.preferredPayloadType();
      if (pt != Codec.DYNAMIC) {
        // RFC 5761 §4: with rtcp-mux, 64-95 would collide with RTCP packet types 192-223.
        Syntax.require(pt < 64 || pt > 95, kind + ": payload type " + pt + " is kept for RTCP");
        Syntax.require(preferred.add(pt), kind + ": payload type " + pt + " preferred twice");
      }
    }
  }

  private static void requireExtensions(List<String> uris, String kind) {
    Syntax.require(
        uris.size() <= MAX_EXTENSIONS,
        kind + ": at most " + MAX_EXTENSIONS + " header extensions, not " + uris.size());
    Set<String> seen = new HashSet<>();
    for (String uri : uris) {
      Syntax.requireNonWs(uri, "extension URI");
      Syntax.require(seen.add(uri), kind + ": extension listed twice: " + uri);
    }
  }
}
