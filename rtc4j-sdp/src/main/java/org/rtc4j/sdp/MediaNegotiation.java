package org.rtc4j.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The offer/answer rules of RTP media sections (RFC 8829 §5.2, §5.3; RFC 3264 §6): pure functions
 * from what was offered and what we can do ({@link MediaCapabilities}) to the {@code m=} section we
 * write.
 *
 * <p>The sections made here carry no transport attributes ({@code a=ice-ufrag}, {@code a=ice-pwd},
 * {@code a=fingerprint}, {@code a=setup}, candidates) and no {@code a=msid} or {@code a=ssrc}: the
 * peer connection adds those, and the BUNDLE group.
 *
 * <pre>{@code
 * MediaCapabilities caps = MediaCapabilities.defaults();
 * // Offering:
 * MediaDescription video = MediaNegotiation.offer(MediaDescription.VIDEO, "1", Direction.SENDRECV, caps);
 * // Answering:
 * MediaDescription section =
 *     MediaNegotiation.answer(offered, caps, Direction.SENDRECV)
 *         .orElseGet(() -> MediaNegotiation.rejected(offered));
 * // Reading what was agreed, payload type by payload type:
 * for (Codec codec : MediaNegotiation.negotiatedCodecs(section)) {
 *   int pt = codec.preferredPayloadType();
 * }
 * }</pre>
 */
public final class MediaNegotiation {
  private MediaNegotiation() {}

  /**
   * The port of a section before ICE has chosen one, and of every non-rejected section of an
   * answer: 9, the discard port (RFC 8829 §5.2.1, §5.3.1).
   */
  public static final int PLACEHOLDER_PORT = 9;

  /** The first dynamic RTP payload type (RFC 3551 §3). */
  private static final int FIRST_DYNAMIC = 96;

  /** The last RTP payload type. */
  private static final int LAST_DYNAMIC = 127;

  /**
   * Unassigned payload types taken once 96-127 are used up, as browsers do; 64-95 stay out, as
   * rtcp-mux wants (RFC 5761 §4).
   */
  private static final int FIRST_SPARE = 35;

  private static final int LAST_SPARE = 63;

  /** The protocols of RTP sections this package answers (RFC 8829 §5.1.2, §5.1.3). */
  private static final Set<String> RTP_PROTOS =
      Set.of("UDP/TLS/RTP/SAVPF", "TCP/TLS/RTP/SAVPF", "RTP/SAVPF");

  /**
   * RFC 3551 §6 Tables 4 and 5: the static payload types, which a section may use without {@code
   * a=rtpmap}. One channel is left unwritten, as the table leaves it.
   */
  private static final Map<Integer, RtpMap> STATIC_PAYLOAD_TYPES =
      Map.ofEntries(
          Map.entry(0, RtpMap.of(0, "PCMU", 8000)),
          Map.entry(3, RtpMap.of(3, "GSM", 8000)),
          Map.entry(4, RtpMap.of(4, "G723", 8000)),
          Map.entry(5, RtpMap.of(5, "DVI4", 8000)),
          Map.entry(6, RtpMap.of(6, "DVI4", 16000)),
          Map.entry(7, RtpMap.of(7, "LPC", 8000)),
          Map.entry(8, RtpMap.of(8, "PCMA", 8000)),
          Map.entry(9, RtpMap.of(9, "G722", 8000)),
          Map.entry(10, new RtpMap(10, "L16", 44100, 2)),
          Map.entry(11, RtpMap.of(11, "L16", 44100)),
          Map.entry(12, RtpMap.of(12, "QCELP", 8000)),
          Map.entry(13, RtpMap.of(13, "CN", 8000)),
          Map.entry(14, RtpMap.of(14, "MPA", 90000)),
          Map.entry(15, RtpMap.of(15, "G728", 8000)),
          Map.entry(16, RtpMap.of(16, "DVI4", 11025)),
          Map.entry(17, RtpMap.of(17, "DVI4", 22050)),
          Map.entry(18, RtpMap.of(18, "G729", 8000)),
          Map.entry(25, RtpMap.of(25, "CelB", 90000)),
          Map.entry(26, RtpMap.of(26, "JPEG", 90000)),
          Map.entry(28, RtpMap.of(28, "nv", 90000)),
          Map.entry(31, RtpMap.of(31, "H261", 90000)),
          Map.entry(32, RtpMap.of(32, "MPV", 90000)),
          Map.entry(33, RtpMap.of(33, "MP2T", 90000)),
          Map.entry(34, RtpMap.of(34, "H263", 90000)));

  /**
   * The direction an answer may take (RFC 3264 §6.1, RFC 8829 §5.3.1): an offered {@code sendonly}
   * lets us only receive, {@code recvonly} only send, {@code inactive} nothing, {@code sendrecv}
   * anything; of that, what we {@code wanted}.
   *
   * @throws NullPointerException if either is null
   */
  public static Direction answerDirection(Direction offered, Direction wanted) {
    Objects.requireNonNull(offered, "offered");
    Objects.requireNonNull(wanted, "wanted");
    return offered.reversed().and(wanted);
  }

  /**
   * Whether {@code proto} is one of the RTP/SAVPF family this package negotiates: {@code
   * UDP/TLS/RTP/SAVPF}, {@code TCP/TLS/RTP/SAVPF} or {@code RTP/SAVPF} (case-insensitive).
   */
  public static boolean isRtpProto(String proto) {
    return proto != null && RTP_PROTOS.contains(proto.toUpperCase(Locale.ROOT));
  }

  /**
   * The answer's RTP section to {@code offered} (RFC 8829 §5.3.1), without transport attributes:
   *
   * <ul>
   *   <li>{@code m=<offered media> 9 <offered proto> <accepted payload types>}, in the offer's
   *       order, and {@code c=IN IP4 0.0.0.0};
   *   <li>the offered {@code a=mid};
   *   <li>the offered {@code a=extmap}s whose URI {@code caps} has for the kind, with the offered
   *       ids, a direction the other way round if one was given, no extension attributes; {@code
   *       a=extmap-allow-mixed} if the section offered it (RFC 8285 §6);
   *   <li>the direction {@link #answerDirection} gives for the section's direction ({@code
   *       sendrecv} when it has none) and {@code wanted};
   *   <li>{@code a=rtcp-mux} and {@code a=rtcp-rsize} if offered (RFC 8829 §5.3.1);
   *   <li>for each accepted payload type, with the offer's number: {@code a=rtpmap} as offered (or
   *       as RFC 3551 gives a static one), {@code a=rtcp-fb} for the offered feedback (its own or
   *       {@code *}) that our codec takes, and {@code a=fmtp}: the offered one for H.264, VP9, AV1
   *       and RED, {@code apt=} for RTX, ours for the rest.
   * </ul>
   *
   * An offered payload type is accepted if one of our codecs {@link Codec#matches matches} it; RED
   * also needs every payload type its {@code a=fmtp} lists accepted; RTX needs {@link
   * MediaCapabilities#rtx RTX} for the kind and its {@code apt=} accepted with the same clock rate.
   * Anything else of the offer (unknown attributes, {@code a=msid}, {@code a=ssrc}, {@code
   * a=rtcp}...) stays out.
   *
   * @param offered the offered section; a direction the offer gives at session level only must be
   *     copied into it first
   * @param caps what we can do
   * @param wanted the direction we want (the transceiver's)
   * @return the section, or empty if it cannot be accepted: rejected in the offer (port 0 without
   *     {@code a=bundle-only}), not audio or video, not an RTP/SAVPF protocol, or no codec carrying
   *     media in common
   * @throws NullPointerException if an argument is null
   */
  public static Optional<MediaDescription> answer(
      MediaDescription offered, MediaCapabilities caps, Direction wanted) {
    Objects.requireNonNull(offered, "offered");
    Objects.requireNonNull(caps, "caps");
    Objects.requireNonNull(wanted, "wanted");
    String kind = offered.media();
    if (offered.isRejected() || !isRtpKind(kind) || !isRtpProto(offered.proto())) {
      return Optional.empty();
    }
    Formats formats = new Formats(offered);
    Map<Integer, Codec> accepted = acceptedCodecs(formats, caps, kind);
    if (accepted.values().stream().noneMatch(Codec::isMedia)) {
      return Optional.empty();
    }

    MediaDescription.Builder answer =
        MediaDescription.builder(kind, PLACEHOLDER_PORT, offered.proto())
            .connection(Connection.IP4_ANY);
    String mid = offered.mid();
    if (mid != null) {
      answer.addAttribute(new Mid(mid));
    }
    // RFC 8285 §6: the answer keeps the offered ids of the extensions it takes.
    List<String> ourExtensions = caps.extensions(kind);
    Set<Integer> ids = new HashSet<>();
    Set<String> uris = new HashSet<>();
    for (ExtMap ext : offered.extMaps()) {
      if (ourExtensions.contains(ext.uri()) && ids.add(ext.id()) && uris.add(ext.uri())) {
        Direction d = ext.direction() == null ? null : ext.direction().reversed();
        answer.addAttribute(new ExtMap(ext.id(), d, ext.uri(), null));
      }
    }
    if (offered.isExtmapAllowMixed()) {
      answer.addAttribute(PropertyAttribute.EXTMAP_ALLOW_MIXED);
    }
    Direction offeredDirection =
        offered.direction() == null ? Direction.SENDRECV : offered.direction();
    answer.direction(answerDirection(offeredDirection, wanted));
    if (offered.isRtcpMux()) {
      answer.addAttribute(PropertyAttribute.RTCP_MUX);
    }
    if (offered.isRtcpReducedSize()) {
      answer.addAttribute(PropertyAttribute.RTCP_RSIZE);
    }

    for (int pt : formats.payloadTypes) {
      Codec codec = accepted.get(pt);
      if (codec == null) {
        continue;
      }
      answer.addFormat(pt);
      answer.addAttribute(formats.rtpMap(pt));
      if (!codec.isRtx()) {
        Set<String> ours = new HashSet<>();
        for (String fb : codec.feedback()) {
          ours.add(normalFeedback(fb));
        }
        Set<String> written = new HashSet<>();
        for (RtcpFeedback fb : formats.feedback) {
          String value = normalFeedback(Codec.feedbackOf(fb));
          if (fb.appliesTo(pt) && ours.contains(value) && written.add(value)) {
            answer.addAttribute(new RtcpFeedback(pt, fb.type(), fb.subtype()));
          }
        }
      }
      Fmtp fmtp;
      if (codec.isRtx()) {
        fmtp = codec.fmtp(pt);
      } else if (codec.hasIdentifyingParameters() || codec.isRed()) {
        fmtp = formats.fmtps.get(pt);
      } else {
        fmtp = codec.fmtp(pt);
      }
      if (fmtp != null) {
        answer.addAttribute(fmtp);
      }
    }
    return Optional.of(answer.build());
  }

  /**
   * The offered payload types we accept and the codec each is: media and FEC codecs first, then RED
   * over accepted ones, then RTX of accepted ones.
   */
  private static Map<Integer, Codec> acceptedCodecs(
      Formats formats, MediaCapabilities caps, String kind) {
    List<Codec> ours = caps.codecs(kind);
    Map<Integer, Codec> accepted = new HashMap<>();
    for (int pt : formats.payloadTypes) {
      RtpMap rtpMap = formats.rtpMap(pt);
      if (rtpMap != null && !isNamed(rtpMap, Codec.RTX) && !isNamed(rtpMap, Codec.RED)) {
        Codec codec = firstMatch(ours, rtpMap, formats.fmtps.get(pt));
        if (codec != null) {
          accepted.put(pt, codec);
        }
      }
    }
    // RFC 2198 §5: RED's fmtp lists the payload types of its blocks (audio); each must be ours.
    for (int pt : formats.payloadTypes) {
      RtpMap rtpMap = formats.rtpMap(pt);
      if (rtpMap != null && isNamed(rtpMap, Codec.RED)) {
        Fmtp fmtp = formats.fmtps.get(pt);
        Codec codec = firstMatch(ours, rtpMap, fmtp);
        if (codec != null && redBlocksAccepted(fmtp, accepted)) {
          accepted.put(pt, codec);
        }
      }
    }
    // RFC 4588 §8.6: RTX repairs the payload type apt= names, at its clock rate.
    if (caps.rtx(kind)) {
      Map<Integer, Codec> repairs = new HashMap<>();
      for (int pt : formats.payloadTypes) {
        RtpMap rtpMap = formats.rtpMap(pt);
        Fmtp fmtp = formats.fmtps.get(pt);
        if (rtpMap == null || !isNamed(rtpMap, Codec.RTX) || fmtp == null) {
          continue;
        }
        int apt = payloadTypeNumber(fmtp.parameter(Codec.APT));
        Codec repaired = apt < 0 ? null : accepted.get(apt);
        if (repaired != null && !repaired.isFec() && repaired.clockRate() == rtpMap.clockRate()) {
          repairs.put(pt, rtxCodec(rtpMap.clockRate(), apt, pt));
        }
      }
      accepted.putAll(repairs);
    }
    return accepted;
  }

  /**
   * Whether RED's {@code fmtp} (null, or {@code pt/pt/...}) names only accepted payload types; a
   * fmtp of another form names none.
   */
  private static boolean redBlocksAccepted(Fmtp fmtp, Map<Integer, Codec> accepted) {
    if (fmtp == null || fmtp.parameters().indexOf('/') < 0) {
      return true;
    }
    for (String block : fmtp.parameters().strip().split("/", -1)) {
      int pt = payloadTypeNumber(block);
      if (pt < 0 || accepted.get(pt) == null || !accepted.get(pt).isMedia()) {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 8829 §5.3.1: the section that rejects {@code offered}: port 0, the same media type,
   * protocol and formats, {@code c=IN IP4 0.0.0.0}, and the offered {@code a=mid} if it had one;
   * nothing else.
   *
   * @throws NullPointerException if {@code offered} is null
   */
  public static MediaDescription rejected(MediaDescription offered) {
    Objects.requireNonNull(offered, "offered");
    MediaDescription.Builder section =
        MediaDescription.builder(offered.media(), 0, offered.proto())
            .formats(offered.formats())
            .connection(Connection.IP4_ANY);
    String mid = offered.mid();
    if (mid != null) {
      section.addAttribute(new Mid(mid));
    }
    return section.build();
  }

  /**
   * An offered RTP section for {@code kind} (RFC 8829 §5.2.1), without transport attributes: {@code
   * m=<kind> 9 UDP/TLS/RTP/SAVPF <payload types>}, {@code c=IN IP4 0.0.0.0}, {@code a=mid}, {@code
   * a=extmap} with ids 1 to 14 in {@code caps} order, the direction, {@code a=rtcp-mux}, {@code
   * a=rtcp-rsize}, then for each codec in {@code caps} order its {@code a=rtpmap}, {@code
   * a=rtcp-fb} and {@code a=fmtp}, followed (when {@code caps} has RTX for the kind, and the codec
   * is not FEC) by its RTX payload type with {@code apt=}.
   *
   * <p>A codec's preferred payload type is kept; the others get dynamic ones from 96 up, then from
   * 35 up to 63, skipping those in use.
   *
   * @throws IllegalArgumentException if {@code kind} is not audio or video, {@code caps} has no
   *     codec for it, {@code mid} is not a token, or the codecs need more payload types than there
   *     are
   * @throws NullPointerException if {@code direction} or {@code caps} is null
   */
  public static MediaDescription offer(
      String kind, String mid, Direction direction, MediaCapabilities caps) {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(caps, "caps");
    Syntax.require(isRtpKind(kind), "kind must be audio or video: " + Syntax.quote(kind));
    List<Codec> codecs = caps.codecs(kind);
    Syntax.require(!codecs.isEmpty(), "no " + kind + " codec to offer");
    Mid midAttribute = new Mid(mid);
    boolean rtx = caps.rtx(kind);

    Set<Integer> used = new HashSet<>();
    for (Codec codec : codecs) {
      if (codec.preferredPayloadType() != Codec.DYNAMIC) {
        used.add(codec.preferredPayloadType());
      }
    }
    MediaDescription.Builder section =
        MediaDescription.builder(kind, PLACEHOLDER_PORT, MediaDescription.UDP_TLS_RTP_SAVPF)
            .connection(Connection.IP4_ANY)
            .addAttribute(midAttribute);
    List<String> extensions = caps.extensions(kind);
    for (int i = 0; i < extensions.size(); i++) {
      section.addAttribute(ExtMap.of(i + 1, extensions.get(i)));
    }
    section
        .direction(direction)
        .addAttribute(PropertyAttribute.RTCP_MUX)
        .addAttribute(PropertyAttribute.RTCP_RSIZE);
    for (Codec codec : codecs) {
      int pt =
          codec.preferredPayloadType() == Codec.DYNAMIC
              ? nextFree(used)
              : codec.preferredPayloadType();
      section.addFormat(pt).addAttribute(codec.rtpMap(pt));
      for (RtcpFeedback fb : codec.rtcpFeedbacks(pt)) {
        section.addAttribute(fb);
      }
      Fmtp fmtp = codec.fmtp(pt);
      if (fmtp != null) {
        section.addAttribute(fmtp);
      }
      if (rtx && !codec.isFec()) {
        int rtxPt = nextFree(used);
        Codec repair = rtxCodec(codec.clockRate(), pt, rtxPt);
        section
            .addFormat(rtxPt)
            .addAttribute(repair.rtpMap(rtxPt))
            .addAttribute(repair.fmtp(rtxPt));
      }
    }
    return section.build();
  }

  /**
   * The codecs a section negotiated, one per payload type of its {@code m=} line in that order,
   * each with its payload type as {@link Codec#preferredPayloadType()}: the name, clock rate and
   * channels of its {@code a=rtpmap} (or of RFC 3551 for a static payload type without one;
   * channels as written for video, the count for audio), the parameters of its {@code a=fmtp}, and
   * the feedback of its {@code a=rtcp-fb} lines (its own and {@code *}). RTX appears as a codec
   * named {@code rtx} with its {@code apt}. A payload type without {@code a=rtpmap} and not static
   * is left out, and so is every one of a rejected section.
   *
   * @throws NullPointerException if {@code section} is null
   */
  public static List<Codec> negotiatedCodecs(MediaDescription section) {
    Objects.requireNonNull(section, "section");
    if (section.isRejected()) {
      return List.of();
    }
    Formats formats = new Formats(section);
    boolean audio = MediaDescription.AUDIO.equals(section.media());
    List<Codec> codecs = new ArrayList<>();
    for (int pt : formats.payloadTypes) {
      RtpMap rtpMap = formats.rtpMap(pt);
      if (rtpMap == null) {
        continue;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      Fmtp fmtp = formats.fmtps.get(pt);
      if (fmtp != null) {
        for (Map.Entry<String, String> e : fmtp.parameterMap().entrySet()) {
          if (!e.getKey().isEmpty()) {
            parameters.put(e.getKey(), e.getValue());
          }
        }
      }
      List<String> feedback = new ArrayList<>();
      for (RtcpFeedback fb : formats.feedback) {
        if (fb.appliesTo(pt)) {
          feedback.add(Codec.feedbackOf(fb));
        }
      }
      codecs.add(
          new Codec(
              rtpMap.encodingName(),
              rtpMap.clockRate(),
              audio ? rtpMap.channelCount() : rtpMap.channels(),
              parameters,
              feedback,
              pt));
    }
    return List.copyOf(codecs);
  }

  private static boolean isRtpKind(String kind) {
    return MediaDescription.AUDIO.equals(kind) || MediaDescription.VIDEO.equals(kind);
  }

  private static boolean isNamed(RtpMap rtpMap, String name) {
    return rtpMap.encodingName().equalsIgnoreCase(name);
  }

  private static Codec firstMatch(List<Codec> ours, RtpMap rtpMap, Fmtp fmtp) {
    for (Codec codec : ours) {
      if (codec.matches(rtpMap, fmtp)) {
        return codec;
      }
    }
    return null;
  }

  /** RTX at {@code clockRate} repairing {@code apt}, on {@code pt}. */
  private static Codec rtxCodec(int clockRate, int apt, int pt) {
    return new Codec(
        Codec.RTX,
        clockRate,
        Codec.NO_CHANNELS,
        Map.of(Codec.APT, Integer.toString(apt)),
        List.of(),
        pt);
  }

  /** A payload type written as 1 to 3 digits, 0 to 127, or -1 if {@code text} is not one. */
  private static int payloadTypeNumber(String text) {
    if (text == null) {
      return -1;
    }
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > 3 || !Syntax.isDigits(digits)) {
      return -1;
    }
    int pt = Integer.parseInt(digits);
    return pt <= 127 ? pt : -1;
  }

  /** RFC 4585 §4.2 feedback with runs of spaces made one, for comparing. */
  private static String normalFeedback(String feedback) {
    return feedback.strip().replaceAll(" +", " ");
  }

  /** The next payload type not in {@code used}, now marked used. */
  private static int nextFree(Set<Integer> used) {
    for (int pt = FIRST_DYNAMIC; pt <= LAST_DYNAMIC; pt++) {
      if (used.add(pt)) {
        return pt;
      }
    }
    for (int pt = FIRST_SPARE; pt <= LAST_SPARE; pt++) {
      if (used.add(pt)) {
        return pt;
      }
    }
    throw new IllegalArgumentException("more codecs than free RTP payload types");
  }

  /**
   * A section's payload formats read once: its payload types (each once, in order), the first
   * {@code a=rtpmap} and {@code a=fmtp} of each, and its {@code a=rtcp-fb} lines. Their number is
   * bounded by the section's, which the parser bounds.
   */
  private static final class Formats {
    final List<Integer> payloadTypes;
    final Map<Integer, RtpMap> rtpMaps = new HashMap<>();
    final Map<Integer, Fmtp> fmtps = new HashMap<>();
    final List<RtcpFeedback> feedback;

    Formats(MediaDescription section) {
      payloadTypes = List.copyOf(new LinkedHashSet<>(section.payloadTypes()));
      for (RtpMap map : section.rtpMaps()) {
        rtpMaps.putIfAbsent(map.payloadType(), map);
      }
      for (Fmtp fmtp : section.fmtps()) {
        fmtps.putIfAbsent(fmtp.payloadType(), fmtp);
      }
      feedback = section.rtcpFeedbacks();
    }

    /** The {@code a=rtpmap} of {@code pt}, RFC 3551's for a static one without, or null. */
    RtpMap rtpMap(int pt) {
      RtpMap map = rtpMaps.get(pt);
      return map != null ? map : STATIC_PAYLOAD_TYPES.get(pt);
    }
  }
}
