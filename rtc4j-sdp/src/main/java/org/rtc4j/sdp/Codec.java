package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RTP payload format we support (or, from {@link MediaNegotiation#negotiatedCodecs}, one a
 * description negotiated): what its {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} lines
 * say, without a payload type of its own unless it prefers one.
 *
 * <pre>{@code
 * Codec opus =
 *     Codec.audio(Codec.OPUS, 48000, 2)
 *         .withParameters(Map.of("minptime", "10", "useinbandfec", "1"))
 *         .withFeedback(List.of("transport-cc"));
 * Codec pcmu = Codec.audio(Codec.PCMU, 8000, 1).withPreferredPayloadType(0);
 * }</pre>
 *
 * @param name the encoding name of {@code a=rtpmap}, a token; compared case-insensitively (RFC 8866
 *     §6.6)
 * @param clockRate the RTP clock rate in Hz, 1 or more
 * @param channels the number of audio channels, 1 or more, or {@link #NO_CHANNELS} when not given
 *     (video)
 * @param parameters the format parameters of {@code a=fmtp}, in order: {@code key=value} pairs, or
 *     a key alone with the empty string as value ({@code 0-15} of telephone-event). Keys and values
 *     hold no {@code ;} and no control characters; keys are not empty and hold no {@code =}.
 * @param feedback the RTCP feedback we take for it, each as written after the payload type of
 *     {@code a=rtcp-fb} (RFC 4585 §4.2): {@code nack}, {@code nack pli}, {@code ccm fir}, {@code
 *     goog-remb}, {@code transport-cc}
 * @param preferredPayloadType the payload type an offer gives it, 0 to 127 (a static one of RFC
 *     3551, such as 0 for PCMU), or {@link #DYNAMIC} for the next free dynamic one
 */
public record Codec(
    String name,
    int clockRate,
    int channels,
    Map<String, String> parameters,
    List<String> feedback,
    int preferredPayloadType) {

  /** {@link #channels} when not given, as for video. */
  public static final int NO_CHANNELS = -1;

  /** {@link #preferredPayloadType} when an offer picks a dynamic payload type. */
  public static final int DYNAMIC = -1;

  /** Opus (RFC 7587). */
  public static final String OPUS = "opus";

  /** G.711 μ-law, static payload type 0 (RFC 3551 §4.5.14). */
  public static final String PCMU = "PCMU";

  /** G.711 A-law, static payload type 8 (RFC 3551 §4.5.14). */
  public static final String PCMA = "PCMA";

  /** VP8 (RFC 7741). */
  public static final String VP8 = "VP8";

  /** VP9 (RFC 9628); {@code profile-id} tells its profiles apart. */
  public static final String VP9 = "VP9";

  /**
   * H.264 (RFC 6184); {@code packetization-mode} and {@code profile-level-id} tell formats apart.
   */
  public static final String H264 = "H264";

  /** AV1 (the AOM RTP payload format); {@code profile} tells its profiles apart. */
  public static final String AV1 = "AV1";

  /** Retransmission (RFC 4588): repairs the payload type its {@code apt=} names. */
  public static final String RTX = "rtx";

  /** Redundant audio or video (RFC 2198). */
  public static final String RED = "red";

  /** Forward error correction (RFC 5109). */
  public static final String ULPFEC = "ulpfec";

  /** Flexible forward error correction (RFC 8627, as browsers name its draft). */
  public static final String FLEXFEC = "flexfec-03";

  /** RTX's format parameter: the payload type it repairs (RFC 4588 §8.6). */
  public static final String APT = "apt";

  /**
   * @throws IllegalArgumentException if a field is out of range or malformed
   */
  public Codec {
    Syntax.requireToken(name, "codec name");
    Syntax.require(clockRate >= 1, "clock rate must be positive: " + clockRate);
    Syntax.require(
        channels == NO_CHANNELS || channels >= 1, "channels must be positive: " + channels);
    Objects.requireNonNull(parameters, "parameters");
    Map<String, String> copy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : parameters.entrySet()) {
      String key = Objects.requireNonNull(e.getKey(), "parameter key");
      String value = Objects.requireNonNull(e.getValue(), "parameter value of " + key);
      Syntax.require(
          !key.isBlank()
              && key.strip().equals(key)
              && key.indexOf('=') < 0
              && key.indexOf(';') < 0
              && Syntax.isText(key),
          "parameter key must be text without =, ; or surrounding spaces: " + Syntax.quote(key));
      Syntax.require(
          value.strip().equals(value) && value.indexOf(';') < 0 && Syntax.isText(value),
          "parameter value must be text without ; or surrounding spaces: " + Syntax.quote(value));
      copy.put(key, value);
    }
    parameters = Collections.unmodifiableMap(copy);
    feedback = List.copyOf(feedback);
    for (String fb : feedback) {
      requireFeedback(fb);
    }
    Syntax.require(
        preferredPayloadType == DYNAMIC
            || (preferredPayloadType >= 0 && preferredPayloadType <= 127),
        "preferred payload type must be 0 to 127 or DYNAMIC: " + preferredPayloadType);
  }

  /** An audio codec with no parameters and no feedback, on a dynamic payload type. */
  public static Codec audio(String name, int clockRate, int channels) {
    return new Codec(name, clockRate, channels, Map.of(), List.of(), DYNAMIC);
  }

  /** A video codec (no channels) with no parameters and no feedback, on a dynamic payload type. */
  public static Codec video(String name, int clockRate) {
    return new Codec(name, clockRate, NO_CHANNELS, Map.of(), List.of(), DYNAMIC);
  }

  /** This codec with the format parameters {@code parameters}, in their iteration order. */
  public Codec withParameters(Map<String, String> parameters) {
    return new Codec(name, clockRate, channels, parameters, feedback, preferredPayloadType);
  }

  /** This codec with the format parameter {@code key} set to {@code value}, after the others. */
  public Codec withParameter(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(parameters);
    more.put(key, value);
    return withParameters(more);
  }

  /** This codec with the RTCP feedback {@code feedback}. */
  public Codec withFeedback(List<String> feedback) {
    return new Codec(name, clockRate, channels, parameters, feedback, preferredPayloadType);
  }

  /** This codec, offered on {@code payloadType} (0 to 127, or {@link #DYNAMIC}). */
  public Codec withPreferredPayloadType(int payloadType) {
    return new Codec(name, clockRate, channels, parameters, feedback, payloadType);
  }

  /** The number of channels, 1 when not given (RFC 8866 §6.6). */
  public int channelCount() {
    return channels == NO_CHANNELS ? 1 : channels;
  }

  /** Whether this is RTX (RFC 4588), which repairs another payload type. */
  public boolean isRtx() {
    return name.equalsIgnoreCase(RTX);
  }

  /** Whether this is RED (RFC 2198). */
  public boolean isRed() {
    return name.equalsIgnoreCase(RED);
  }

  /** Whether this is forward error correction: ulpfec (RFC 5109) or flexfec (RFC 8627). */
  public boolean isFec() {
    return name.equalsIgnoreCase(ULPFEC)
        || name.equalsIgnoreCase(FLEXFEC)
        || name.equalsIgnoreCase("flexfec");
  }

  /**
   * Whether this codec carries media of its own: it is not RTX, RED or FEC, which only protect
   * other payload types.
   */
  public boolean isMedia() {
    return !isRtx() && !isRed() && !isFec();
  }

  /**
   * Whether {@code name}'s format parameters tell payload formats of the same name apart (H.264,
   * VP9, AV1), so that an answer echoes the offered ones instead of writing its own.
   */
  public boolean hasIdentifyingParameters() {
    return name.equalsIgnoreCase(H264) || name.equalsIgnoreCase(VP9) || name.equalsIgnoreCase(AV1);
  }

  /**
   * Whether the payload format that {@code rtpMap} and {@code fmtp} describe is this codec: the
   * same name (case-insensitive), clock rate and channel count (1 when not given), and the same
   * identifying format parameters:
   *
   * <ul>
   *   <li>H.264: {@code packetization-mode} (0 when absent; RFC 6184 §8.1) and the profile of
   *       {@code profile-level-id} (profile_idc and constraint flags, not the level, which {@code
   *       level-asymmetry-allowed} lets each side choose; RFC 6184 §8.2.2);
   *   <li>VP9: {@code profile-id} (0 when absent; RFC 9628 §6);
   *   <li>AV1: {@code profile} (0 when absent).
   * </ul>
   *
   * RTX, RED and FEC compare by name, clock rate and channels only: what they protect is the
   * negotiation's business.
   *
   * @param rtpMap the offered {@code a=rtpmap}
   * @param fmtp the offered {@code a=fmtp} of the same payload type, or null if there is none
   * @throws IllegalArgumentException if {@code fmtp} is for another payload type
   */
  public boolean matches(RtpMap rtpMap, Fmtp fmtp) {
    Objects.requireNonNull(rtpMap, "rtpMap");
    if (fmtp != null && fmtp.payloadType() != rtpMap.payloadType()) {
      throw new IllegalArgumentException(
          "fmtp is for payload type "
              + fmtp.payloadType()
              + ", rtpmap for "
              + rtpMap.payloadType());
    }
    if (!name.equalsIgnoreCase(rtpMap.encodingName())
        || clockRate != rtpMap.clockRate()
        || channelCount() != rtpMap.channelCount()) {
      return false;
    }
    Map<String, String> offered = fmtp == null ? Map.of() : fmtp.parameterMap();
    if (name.equalsIgnoreCase(H264)) {
      return sameValue(offered, "packetization-mode", "0")
          && H264Profile.same(parameters.get("profile-level-id"), offered.get("profile-level-id"));
    }
    if (name.equalsIgnoreCase(VP9)) {
      return sameValue(offered, "profile-id", "0");
    }
    if (name.equalsIgnoreCase(AV1)) {
      return sameValue(offered, "profile", "0");
    }
    return true;
  }

  /** Whether {@code offered} and ours give {@code key} the same value, {@code absent} if none. */
  private boolean sameValue(Map<String, String> offered, String key, String absent) {
    return parameters.getOrDefault(key, absent).equals(offered.getOrDefault(key, absent));
  }

  /**
   * This codec's {@code a=rtpmap} on {@code payloadType}; the channels are written only when more
   * than 1 (RFC 8866 §6.6 lets one channel go unsaid).
   */
  public RtpMap rtpMap(int payloadType) {
    return new RtpMap(payloadType, name, clockRate, channels > 1 ? channels : RtpMap.NO_CHANNELS);
  }

  /** This codec's {@code a=fmtp} on {@code payloadType}, or null if it has no parameters. */
  public Fmtp fmtp(int payloadType) {
    return parameters.isEmpty() ? null : Fmtp.of(payloadType, parameters);
  }

  /** This codec's {@code a=rtcp-fb} lines on {@code payloadType}, in {@link #feedback} order. */
  public List<RtcpFeedback> rtcpFeedbacks(int payloadType) {
    List<RtcpFeedback> lines = new ArrayList<>();
    for (String fb : feedback) {
      int space = fb.indexOf(' ');
      lines.add(
          space < 0
              ? RtcpFeedback.of(payloadType, fb)
              : new RtcpFeedback(payloadType, fb.substring(0, space), fb.substring(space + 1)));
    }
    return List.copyOf(lines);
  }

  /**
   * The feedback value of {@code line} as {@link #feedback} holds it: its type, then its subtype
   * after one space.
   */
  static String feedbackOf(RtcpFeedback line) {
    return line.subtype() == null ? line.type() : line.type() + ' ' + line.subtype();
  }

  /** RFC 4585 §4.2: {@code <type> [<subtype>]}, the type a token. */
  private static void requireFeedback(String fb) {
    Objects.requireNonNull(fb, "feedback");
    int space = fb.indexOf(' ');
    Syntax.requireToken(space < 0 ? fb : fb.substring(0, space), "feedback type");
    if (space >= 0) {
      Syntax.requireRest(fb.substring(space + 1), "feedback parameter");
    }
  }
}
