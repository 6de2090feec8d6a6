package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/**
 * JSEP's offer/answer of RTP media sections (RFC 8829 §5.2, §5.3.1; RFC 3264 §6): browser offers
 * answered, our own offers made and answered, rejections.
 */
class MediaNegotiationTest {
  private static final MediaCapabilities DEFAULTS = MediaCapabilities.defaults();

  /** What an answer's section may hold: no transport, no msid or ssrc, nothing unknown. */
  private static final Set<String> ANSWER_ATTRIBUTES =
      Set.of(
          "mid",
          "extmap",
          "extmap-allow-mixed",
          "sendrecv",
          "sendonly",
          "recvonly",
          "inactive",
          "rtcp-mux",
          "rtcp-rsize",
          "rtpmap",
          "fmtp",
          "rtcp-fb");

  private static MediaDescription section(String fixture, String kind) {
    for (MediaDescription m : Fixtures.parse(fixture).mediaDescriptions()) {
      if (m.media().equals(kind)) {
        return m;
      }
    }
    throw new AssertionError(fixture + " has no " + kind + " section");
  }

  private static MediaDescription answered(String fixture, String kind) {
    return MediaNegotiation.answer(section(fixture, kind), DEFAULTS, Direction.SENDRECV)
        .orElseThrow(() -> new AssertionError(fixture + " " + kind + " was not accepted"));
  }

  /** The section written into a description and parsed back. */
  private static MediaDescription roundTrip(MediaDescription section) {
    String sdp = SessionDescription.builder(Origin.of("1", 1)).addMedia(section).build().toString();
    try {
      return SessionDescription.parse(sdp).mediaDescriptions().get(0);
    } catch (SdpParseException e) {
      throw new AssertionError("does not parse back:\n" + sdp, e);
    }
  }

  private static MediaDescription parseSection(String lines) {
    String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n" + lines;
    try {
      return SessionDescription.parse(sdp).mediaDescriptions().get(0);
    } catch (SdpParseException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> feedbackOf(MediaDescription m, int pt) {
    List<String> values = new ArrayList<>();
    for (RtcpFeedback fb : m.rtcpFeedbacks(pt)) {
      values.add(Codec.feedbackOf(fb));
    }
    return values;
  }

  // The direction table.

  @Test
  void theAnswerDirectionIsTheOfferReversedAndLimitedToWhatWeWant() {
    // RFC 3264 §6.1: rows are the offer's direction, columns what we want, in the order
    // sendrecv, sendonly, recvonly, inactive.
    Direction[] order = {
      Direction.SENDRECV, Direction.SENDONLY, Direction.RECVONLY, Direction.INACTIVE
    };
    Direction[][] table = {
      // offered sendrecv: anything we want
      {Direction.SENDRECV, Direction.SENDONLY, Direction.RECVONLY, Direction.INACTIVE},
      // offered sendonly: we may only receive
      {Direction.RECVONLY, Direction.INACTIVE, Direction.RECVONLY, Direction.INACTIVE},
      // offered recvonly: we may only send
      {Direction.SENDONLY, Direction.SENDONLY, Direction.INACTIVE, Direction.INACTIVE},
      // offered inactive: nothing
      {Direction.INACTIVE, Direction.INACTIVE, Direction.INACTIVE, Direction.INACTIVE},
    };
    int checked = 0;
    for (int o = 0; o < order.length; o++) {
      for (int w = 0; w < order.length; w++) {
        assertEquals(
            table[o][w],
            MediaNegotiation.answerDirection(order[o], order[w]),
            "offered " + order[o] + ", wanted " + order[w]);
        checked++;
      }
    }
    assertEquals(16, checked);
    assertThrows(
        NullPointerException.class,
        () -> MediaNegotiation.answerDirection(null, Direction.SENDRECV));
  }

  // Browser offers answered with the defaults.

  @ParameterizedTest
  @ValueSource(strings = {"chrome-offer.sdp", "firefox-offer.sdp"})
  void everyBrowserMediaSectionIsAcceptedWithCodecsAndExtensionsItOffered(String fixture) {
    for (String kind : List.of(MediaDescription.AUDIO, MediaDescription.VIDEO)) {
      MediaDescription offered = section(fixture, kind);
      MediaDescription answer = answered(fixture, kind);
      String where = fixture + " " + kind;

      assertEquals(kind, answer.media(), where);
      assertEquals(MediaNegotiation.PLACEHOLDER_PORT, answer.port(), where);
      assertEquals(offered.proto(), answer.proto(), where);
      assertEquals(Connection.IP4_ANY, answer.connection(), where);
      assertEquals(offered.mid(), answer.mid(), where);
      assertEquals(Direction.SENDRECV, answer.direction(), where);
      assertTrue(answer.isRtcpMux(), where);
      for (Attribute a : answer.attributes()) {
        assertTrue(ANSWER_ATTRIBUTES.contains(a.name()), where + ": " + a);
      }

      // Payload types: a subset of the offered ones, in the offer's order, each with an rtpmap
      // saying what the offer said.
      List<Integer> offeredPts = offered.payloadTypes();
      List<Integer> pts = answer.payloadTypes();
      assertFalse(pts.isEmpty(), where);
      int last = -1;
      for (int pt : pts) {
        int at = offeredPts.indexOf(pt);
        assertTrue(at > last, where + ": " + pt + " out of the offer's order");
        last = at;
        RtpMap ours = answer.rtpMap(pt);
        assertNotNull(ours, where + ": no rtpmap for " + pt);
        RtpMap theirs = offered.rtpMap(pt);
        if (theirs != null) {
          assertEquals(theirs, ours, where);
        }
      }

      // Every RTX repairs an accepted payload type of the same clock rate.
      for (RtpMap map : answer.rtpMaps()) {
        if (map.encodingName().equalsIgnoreCase("rtx")) {
          int apt = Integer.parseInt(answer.fmtp(map.payloadType()).parameter("apt"));
          assertTrue(pts.contains(apt), where + ": rtx " + map.payloadType() + " apt " + apt);
          assertEquals(answer.rtpMap(apt).clockRate(), map.clockRate(), where);
          assertEquals(offered.fmtp(map.payloadType()).parameter("apt"), "" + apt, where);
        }
      }

      // Feedback: only what was offered for that payload type (or for *).
      for (RtcpFeedback fb : answer.rtcpFeedbacks()) {
        assertTrue(
            feedbackOf(offered, fb.payloadType()).contains(Codec.feedbackOf(fb)),
            where + ": " + fb + " was not offered");
      }

      // Header extensions: offered ones we know, under the offered ids.
      Map<String, Integer> offeredIds = new HashMap<>();
      for (ExtMap e : offered.extMaps()) {
        offeredIds.put(e.uri(), e.id());
      }
      assertFalse(answer.extMaps().isEmpty(), where);
      for (ExtMap e : answer.extMaps()) {
        assertEquals(offeredIds.get(e.uri()), e.id(), where + ": " + e);
        assertTrue(DEFAULTS.extensions(kind).contains(e.uri()), where + ": " + e);
      }

      assertEquals(answer, roundTrip(answer), where);
    }
  }

  @Test
  void chromesAudioIsAnsweredWithOpusAndG711() {
    MediaDescription answer = answered("chrome-offer.sdp", MediaDescription.AUDIO);
    String expected =
        "m=audio 9 UDP/TLS/RTP/SAVPF 111 0 8\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=mid:0\r\n"
            + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
            + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
            + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
            + "a=sendrecv\r\n"
            + "a=rtcp-mux\r\n"
            + "a=rtcp-rsize\r\n"
            + "a=rtpmap:111 opus/48000/2\r\n"
            + "a=rtcp-fb:111 transport-cc\r\n"
            + "a=fmtp:111 minptime=10;useinbandfec=1\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n";
    assertEquals(expected, answer.toString());
  }

  @Test
  void chromesVideoKeepsTheFormatsWeDecodeAndTheirRtx() {
    MediaDescription answer = answered("chrome-offer.sdp", MediaDescription.VIDEO);
    // VP8 and its RTX, H.264 constrained baseline with packetization-mode 1 (108) and its RTX,
    // AV1 and VP9 profile 0 with theirs; not Baseline (102, 104), not packetization-mode 0 (114,
    // 39), not Main (116), not VP9 profile 2 (100), not RED (118) nor ulpfec (120).
    assertEquals(List.of(96, 97, 108, 109, 45, 46, 98, 99), answer.payloadTypes());
    assertEquals(
        "108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        answer.fmtp(108).toString());
    assertEquals("45 level-idx=5;profile=0;tier=0", answer.fmtp(45).toString());
    assertEquals("98 profile-id=0", answer.fmtp(98).toString());
    assertEquals("97 apt=96", answer.fmtp(97).toString());
    assertNull(answer.fmtp(96));
    assertEquals(
        List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"),
        feedbackOf(answer, 96));
    assertTrue(answer.rtcpFeedbacks(97).isEmpty());
    // Chrome offers extmap-allow-mixed at session level; that is for the peer connection.
    assertFalse(answer.isExtmapAllowMixed());
    assertEquals(List.of(2, 3, 4, 10, 11), answer.extMaps().stream().map(ExtMap::id).toList());
  }

  @Test
  void firefoxsSectionsAreAnsweredWithItsNumbersAndItsMixedExtensions() {
    MediaDescription audio = answered("firefox-offer.sdp", MediaDescription.AUDIO);
    assertEquals(List.of(109, 0, 8), audio.payloadTypes());
    // Opus has no identifying parameters: the answer says what we want to receive.
    assertEquals("109 minptime=10;useinbandfec=1", audio.fmtp(109).toString());
    // Firefox asked for transport-cc on PCMU too; our PCMU takes no feedback.
    assertEquals(List.of("transport-cc"), feedbackOf(audio, 109));
    assertTrue(audio.rtcpFeedbacks(0).isEmpty());
    assertTrue(audio.isExtmapAllowMixed());
    assertFalse(audio.isRtcpReducedSize(), "Firefox's audio offered no rtcp-rsize");

    MediaDescription video = answered("firefox-offer.sdp", MediaDescription.VIDEO);
    // VP8, VP9 (no profile-id: 0) and AV1 with their RTX; RED (122), its RTX (119) and ulpfec
    // (123) are not ours.
    assertEquals(List.of(120, 124, 121, 125, 99, 100), video.payloadTypes());
    // VP9 and AV1 have identifying parameters: the answer echoes what was offered, or nothing.
    assertEquals("121 max-fs=12288;max-fr=60", video.fmtp(121).toString());
    assertNull(video.fmtp(99), "Firefox offered AV1 without fmtp");
    assertTrue(video.isRtcpReducedSize());
  }

  @ParameterizedTest
  @ValueSource(strings = {"chrome-offer.sdp", "firefox-offer.sdp"})
  void withNoCapabilitiesNothingIsAccepted(String fixture) {
    for (String kind : List.of(MediaDescription.AUDIO, MediaDescription.VIDEO)) {
      assertEquals(
          Optional.empty(),
          MediaNegotiation.answer(
              section(fixture, kind), MediaCapabilities.none(), Direction.SENDRECV),
          fixture + " " + kind);
    }
  }

  @Test
  void theDataChannelSectionIsNotAnRtpSection() {
    MediaDescription application = section("chrome-offer.sdp", MediaDescription.APPLICATION);
    assertEquals(
        Optional.empty(), MediaNegotiation.answer(application, DEFAULTS, Direction.SENDRECV));
  }

  // What else an offer can be, and what the answer makes of it.

  private static final String AUDIO_OFFER =
      "m=audio 9 UDP/TLS/RTP/SAVPF 111 0\r\n"
          + "c=IN IP4 0.0.0.0\r\n"
          + "a=mid:a1\r\n"
          + "a=extmap:5/recvonly urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
          + "a=extmap:6 urn:example:unknown\r\n"
          + "a=sendonly\r\n"
          + "a=rtcp-mux\r\n"
          + "a=x-unknown:42\r\n"
          + "a=rtpmap:111 opus/48000/2\r\n"
          + "a=rtcp-fb:* transport-cc\r\n"
          + "a=rtcp-fb:111 nack\r\n";

  @Test
  void anOfferThatOnlySendsIsAnsweredReceivingOnly() {
    MediaDescription answer =
        MediaNegotiation.answer(parseSection(AUDIO_OFFER), DEFAULTS, Direction.SENDRECV)
            .orElseThrow();
    assertEquals(Direction.RECVONLY, answer.direction());
    // The static payload type 0 needs no rtpmap in the offer; the answer writes one.
    assertEquals(List.of(111, 0), answer.payloadTypes());
    assertEquals(RtpMap.of(0, "PCMU", 8000), answer.rtpMap(0));
    // "*" feedback applies to opus; nack is not ours for audio.
    assertEquals(List.of("transport-cc"), feedbackOf(answer, 111));
    // The extension the offerer only receives we only send (RFC 8285 §6); an unknown one goes.
    assertEquals(
        List.of(new ExtMap(5, Direction.SENDONLY, MediaCapabilities.SSRC_AUDIO_LEVEL, null)),
        answer.extMaps());
    assertFalse(answer.hasAttribute("x-unknown"));
    assertFalse(answer.isRtcpReducedSize());
    assertEquals("a1", answer.mid());
  }

  @Test
  void aSectionWithoutDirectionIsSendrecv() {
    MediaDescription offered = parseSection(AUDIO_OFFER.replace("a=sendonly\r\n", ""));
    assertNull(offered.direction());
    assertEquals(
        Direction.SENDONLY,
        MediaNegotiation.answer(offered, DEFAULTS, Direction.SENDONLY).orElseThrow().direction());
  }

  @Test
  void sectionsThatCannotBeAcceptedGiveNoAnswer() {
    // Rejected by the offerer.
    assertEquals(
        Optional.empty(),
        MediaNegotiation.answer(
            parseSection(AUDIO_OFFER.replace("m=audio 9", "m=audio 0")),
            DEFAULTS,
            Direction.SENDRECV));
    // Not RTP/SAVPF.
    assertEquals(
        Optional.empty(),
        MediaNegotiation.answer(
            parseSection(AUDIO_OFFER.replace("UDP/TLS/RTP/SAVPF", "RTP/AVP")),
            DEFAULTS,
            Direction.SENDRECV));
    // A media kind we do not know.
    assertEquals(
        Optional.empty(),
        MediaNegotiation.answer(
            parseSection(AUDIO_OFFER.replace("m=audio", "m=text")), DEFAULTS, Direction.SENDRECV));
    // No codec in common: only H.264 with packetization-mode 0.
    MediaDescription h264ModeZero =
        parseSection(
            "m=video 9 UDP/TLS/RTP/SAVPF 114 115\r\n"
                + "a=mid:1\r\n"
                + "a=rtpmap:114 H264/90000\r\n"
                + "a=fmtp:114 packetization-mode=0;profile-level-id=42e01f\r\n"
                + "a=rtpmap:115 rtx/90000\r\n"
                + "a=fmtp:115 apt=114\r\n");
    assertEquals(
        Optional.empty(), MediaNegotiation.answer(h264ModeZero, DEFAULTS, Direction.SENDRECV));
  }

  @Test
  void aBundleOnlySectionWithPortZeroIsAccepted() {
    MediaDescription offered =
        parseSection(AUDIO_OFFER.replace("m=audio 9", "m=audio 0") + "a=bundle-only\r\n");
    MediaDescription answer =
        MediaNegotiation.answer(offered, DEFAULTS, Direction.SENDRECV).orElseThrow();
    assertEquals(MediaNegotiation.PLACEHOLDER_PORT, answer.port());
    assertFalse(answer.isBundleOnly());
  }

  @Test
  void rtpSavpfAndTcpAreRtpSectionsToo() {
    for (String proto : List.of("RTP/SAVPF", "TCP/TLS/RTP/SAVPF", "udp/tls/rtp/savpf")) {
      MediaDescription answer =
          MediaNegotiation.answer(
                  parseSection(AUDIO_OFFER.replace("UDP/TLS/RTP/SAVPF", proto)),
                  DEFAULTS,
                  Direction.SENDRECV)
              .orElseThrow();
      assertEquals(proto, answer.proto());
    }
  }

  @Test
  void withoutRtxNoRtxIsAccepted() {
    MediaCapabilities noRtx = DEFAULTS.withRtx(MediaDescription.VIDEO, false);
    MediaDescription answer =
        MediaNegotiation.answer(
                section("chrome-offer.sdp", MediaDescription.VIDEO), noRtx, Direction.SENDRECV)
            .orElseThrow();
    assertEquals(List.of(96, 108, 45, 98), answer.payloadTypes());
  }

  @Test
  void redAndFecAreAcceptedOnlyWhenOurs() {
    MediaCapabilities withFec =
        DEFAULTS.withCodecs(
            MediaDescription.VIDEO,
            List.of(
                Codec.video("VP8", 90000),
                Codec.video("red", 90000),
                Codec.video("ulpfec", 90000)));
    MediaDescription answer =
        MediaNegotiation.answer(
                section("chrome-offer.sdp", MediaDescription.VIDEO), withFec, Direction.SENDRECV)
            .orElseThrow();
    // RED (118) gets its RTX (119); ulpfec (120) has none.
    assertEquals(List.of(96, 97, 118, 119, 120), answer.payloadTypes());
  }

  @Test
  void audioRedNeedsTheCodecsItCarries() {
    Codec red = Codec.audio("red", 48000, 2);
    MediaCapabilities withRed =
        DEFAULTS.withCodecs(
            MediaDescription.AUDIO, List.of(DEFAULTS.audio().get(0), red, DEFAULTS.audio().get(1)));
    MediaDescription offered = section("chrome-offer.sdp", MediaDescription.AUDIO);
    MediaDescription answer =
        MediaNegotiation.answer(offered, withRed, Direction.SENDRECV).orElseThrow();
    assertEquals(List.of(111, 63, 0), answer.payloadTypes());
    assertEquals("63 111/111", answer.fmtp(63).toString());

    // Without opus, RED 111/111 carries nothing we decode.
    MediaCapabilities redWithoutOpus =
        DEFAULTS.withCodecs(MediaDescription.AUDIO, List.of(red, DEFAULTS.audio().get(1)));
    assertEquals(
        List.of(0),
        MediaNegotiation.answer(offered, redWithoutOpus, Direction.SENDRECV)
            .orElseThrow()
            .payloadTypes());
    // And RED alone is no codec in common.
    assertEquals(
        Optional.empty(),
        MediaNegotiation.answer(
            offered,
            DEFAULTS.withCodecs(MediaDescription.AUDIO, List.of(red)),
            Direction.SENDRECV));
  }

  @Test
  void rtxOfAPayloadTypeNotAcceptedOrOfAnotherClockRateIsDropped() {
    MediaDescription offered =
        parseSection(
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 98 99 100\r\n"
                + "a=mid:1\r\n"
                + "a=rtpmap:96 VP8/90000\r\n"
                + "a=rtpmap:97 rtx/90000\r\n"
                + "a=fmtp:97 apt=96\r\n"
                + "a=rtpmap:98 rtx/90000\r\n"
                + "a=fmtp:98 apt=120\r\n"
                + "a=rtpmap:99 rtx/48000\r\n"
                + "a=fmtp:99 apt=96\r\n"
                + "a=rtpmap:100 rtx/90000\r\n"
                + "a=fmtp:100 apt=97\r\n");
    assertEquals(
        List.of(96, 97),
        MediaNegotiation.answer(offered, DEFAULTS, Direction.SENDRECV)
            .orElseThrow()
            .payloadTypes());
  }

  // Rejecting.

  @Test
  void aRejectedSectionKeepsOnlyItsMediaProtoFormatsAndMid() {
    MediaDescription offered = section("chrome-offer.sdp", MediaDescription.VIDEO);
    MediaDescription rejected = MediaNegotiation.rejected(offered);
    assertEquals(0, rejected.port());
    assertTrue(rejected.isRejected());
    assertEquals(offered.formats(), rejected.formats());
    assertEquals(
        "m=video 0 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46"
            + " 98 99 100 101 118 119 120\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=mid:1\r\n",
        rejected.toString());
    assertEquals(rejected, roundTrip(rejected));

    MediaDescription withoutMid =
        MediaNegotiation.rejected(parseSection("m=audio 9 RTP/AVP 0\r\n"));
    assertEquals(List.of(), withoutMid.attributes());
  }

  // Offering.

  @Test
  void theDefaultAudioOfferIsWhatJsepWrites() {
    MediaDescription offer =
        MediaNegotiation.offer(MediaDescription.AUDIO, "0", Direction.SENDRECV, DEFAULTS);
    String expected =
        "m=audio 9 UDP/TLS/RTP/SAVPF 96 0 8\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=mid:0\r\n"
            + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"
            + "a=extmap:2 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n"
            + "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid\r\n"
            + "a=sendrecv\r\n"
            + "a=rtcp-mux\r\n"
            + "a=rtcp-rsize\r\n"
            + "a=rtpmap:96 opus/48000/2\r\n"
            + "a=rtcp-fb:96 transport-cc\r\n"
            + "a=fmtp:96 minptime=10;useinbandfec=1\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n";
    assertEquals(expected, offer.toString());
  }

  @Test
  void theDefaultVideoOfferPutsEachRtxRightAfterItsCodec() {
    MediaDescription offer =
        MediaNegotiation.offer(MediaDescription.VIDEO, "1", Direction.RECVONLY, DEFAULTS);
    assertEquals(List.of(96, 97, 98, 99, 100, 101, 102, 103), offer.payloadTypes());
    assertEquals(RtpMap.of(97, "rtx", 90000), offer.rtpMap(97));
    assertEquals("97 apt=96", offer.fmtp(97).toString());
    assertEquals("103 apt=102", offer.fmtp(103).toString());
    assertEquals("H264", offer.rtpMap(100).encodingName());
    assertEquals("98 profile-id=0", offer.fmtp(98).toString());
    assertEquals(
        List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"),
        feedbackOf(offer, 102));
    assertEquals(Direction.RECVONLY, offer.direction());
    assertEquals(List.of(1, 2, 3, 4, 5), offer.extMaps().stream().map(ExtMap::id).toList());
    assertEquals(offer, roundTrip(offer));
  }

  @Test
  void dynamicPayloadTypesSkipPreferredOnesAndMoveBelow96WhenFull() {
    List<Codec> codecs = new ArrayList<>();
    codecs.add(Codec.video("VP8", 90000).withPreferredPayloadType(97));
    for (int i = 0; i < 20; i++) {
      codecs.add(Codec.video("X" + i, 90000));
    }
    MediaDescription offer =
        MediaNegotiation.offer(
            MediaDescription.VIDEO,
            "v",
            Direction.SENDRECV,
            DEFAULTS.withCodecs(MediaDescription.VIDEO, codecs));
    List<Integer> pts = offer.payloadTypes();
    assertEquals(42, pts.size());
    assertEquals(42, new HashSet<>(pts).size());
    assertEquals(List.of(97, 96, 98, 99), pts.subList(0, 4));
    assertTrue(pts.contains(35), "after 127 comes 35");
    for (int pt : pts) {
      assertFalse(pt >= 64 && pt <= 95, "RFC 5761 §4 keeps " + pt + " for RTCP");
    }

    List<Codec> tooMany = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      tooMany.add(Codec.video("X" + i, 90000));
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MediaNegotiation.offer(
                MediaDescription.VIDEO,
                "v",
                Direction.SENDRECV,
                DEFAULTS.withCodecs(MediaDescription.VIDEO, tooMany)));
  }

  @Test
  void anOfferNeedsAnRtpKindCodecsAndAMid() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MediaNegotiation.offer(
                MediaDescription.APPLICATION, "0", Direction.SENDRECV, DEFAULTS));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            MediaNegotiation.offer(
                MediaDescription.AUDIO, "0", Direction.SENDRECV, MediaCapabilities.none()));
    assertThrows(
        IllegalArgumentException.class,
        () -> MediaNegotiation.offer(MediaDescription.AUDIO, "a b", Direction.SENDRECV, DEFAULTS));
    assertThrows(
        IllegalArgumentException.class,
        () -> MediaNegotiation.offer(MediaDescription.AUDIO, null, Direction.SENDRECV, DEFAULTS));
    assertThrows(
        NullPointerException.class,
        () -> MediaNegotiation.offer(MediaDescription.AUDIO, "0", null, DEFAULTS));
  }

  // Reading what was negotiated.

  @Test
  void negotiatedCodecsTellWhatEachPayloadTypeIs() {
    MediaDescription answer = answered("chrome-offer.sdp", MediaDescription.VIDEO);
    List<Codec> codecs = MediaNegotiation.negotiatedCodecs(answer);
    assertEquals(8, codecs.size());
    Codec vp8 = codecs.get(0);
    assertEquals("VP8", vp8.name());
    assertEquals(96, vp8.preferredPayloadType());
    assertEquals(Codec.NO_CHANNELS, vp8.channels());
    assertEquals(
        List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"), vp8.feedback());
    Codec rtx = codecs.get(1);
    assertTrue(rtx.isRtx());
    assertEquals(Map.of("apt", "96"), rtx.parameters());

    MediaDescription firefoxAudio = section("firefox-offer.sdp", MediaDescription.AUDIO);
    List<Codec> audio = MediaNegotiation.negotiatedCodecs(firefoxAudio);
    assertEquals(
        List.of(109, 9, 0, 8, 101), audio.stream().map(Codec::preferredPayloadType).toList());
    assertEquals(1, audio.get(2).channels(), "PCMU/8000 has one channel");
    assertEquals(Map.of("0-15", ""), audio.get(4).parameters());
    assertEquals(List.of("transport-cc"), audio.get(1).feedback());

    assertEquals(
        List.of(),
        MediaNegotiation.negotiatedCodecs(
            MediaNegotiation.rejected(section("chrome-offer.sdp", MediaDescription.VIDEO))));
  }

  @Test
  void aStaticPayloadTypeWithoutRtpmapIsStillKnown() {
    List<Codec> codecs =
        MediaNegotiation.negotiatedCodecs(parseSection("m=audio 9 UDP/TLS/RTP/SAVPF 0 8 99\r\n"));
    assertEquals(List.of("PCMU", "PCMA"), codecs.stream().map(Codec::name).toList());
  }

  // Properties: our own offers, answered with the same capabilities.

  /** Fixed, so that every run checks the same examples. */
  private static final long SEED = 0x15e9L;

  private static final List<String> FEEDBACK =
      List.of("goog-remb", "transport-cc", "ccm fir", "nack", "nack pli");

  private static final List<Codec> AUDIO_POOL =
      List.of(
          Codec.audio("opus", 48000, 2).withParameter("minptime", "10"),
          Codec.audio("PCMU", 8000, 1).withPreferredPayloadType(0),
          Codec.audio("PCMA", 8000, 1).withPreferredPayloadType(8),
          Codec.audio("G722", 8000, 1).withPreferredPayloadType(9),
          Codec.audio("ISAC", 16000, 1),
          Codec.audio("L16", 44100, 2),
          Codec.audio("telephone-event", 8000, 1).withParameter("0-15", ""),
          Codec.audio("multiopus", 48000, 6).withParameter("channel_mapping", "0,4,1,2,3,5"));

  private static final List<Codec> VIDEO_POOL =
      List.of(
          Codec.video("VP8", 90000),
          Codec.video("VP9", 90000).withParameter("profile-id", "0"),
          Codec.video("VP9", 90000).withParameter("profile-id", "2"),
          Codec.video("H264", 90000)
              .withParameter("packetization-mode", "1")
              .withParameter("profile-level-id", "42e01f"),
          Codec.video("H264", 90000)
              .withParameter("packetization-mode", "0")
              .withParameter("profile-level-id", "42e01f"),
          Codec.video("H264", 90000)
              .withParameter("packetization-mode", "1")
              .withParameter("profile-level-id", "640c1f"),
          Codec.video("AV1", 90000).withParameter("profile", "1"),
          Codec.video("H265", 90000));

  private static final List<Codec> PROTECTION_POOL =
      List.of(
          Codec.video("red", 90000),
          Codec.video("ulpfec", 90000),
          Codec.video("flexfec-03", 90000));

  private static final List<String> EXTENSION_POOL =
      List.of(
          MediaCapabilities.SSRC_AUDIO_LEVEL,
          MediaCapabilities.TRANSPORT_WIDE_CC,
          MediaCapabilities.SDES_MID,
          MediaCapabilities.ABS_SEND_TIME,
          MediaCapabilities.SDES_RTP_STREAM_ID,
          "urn:ietf:params:rtp-hdrext:toffset");

  /** A random non-empty selection of {@code pool}, in a random order, each with some feedback. */
  private static Gen<List<Codec>> codecsFrom(List<Codec> pool, int minimum) {
    return in -> {
      List<Codec> left = new ArrayList<>(pool);
      List<Codec> chosen = new ArrayList<>();
      int n = integers().between(minimum, pool.size()).generate(in);
      for (int i = 0; i < n; i++) {
        Codec codec = left.remove((int) integers().between(0, left.size() - 1).generate(in));
        List<String> feedback = new ArrayList<>();
        for (String fb : FEEDBACK) {
          if (booleans().all().generate(in)) {
            feedback.add(fb);
          }
        }
        chosen.add(codec.withFeedback(feedback));
      }
      return chosen;
    };
  }

  private static Gen<List<String>> extensions() {
    return in -> {
      List<String> chosen = new ArrayList<>();
      for (String uri : EXTENSION_POOL) {
        if (booleans().all().generate(in)) {
          chosen.add(uri);
        }
      }
      return chosen;
    };
  }

  private static final Gen<MediaCapabilities> CAPABILITIES =
      in -> {
        List<Codec> video = new ArrayList<>(codecsFrom(VIDEO_POOL, 1).generate(in));
        video.addAll(codecsFrom(PROTECTION_POOL, 0).generate(in));
        return new MediaCapabilities(
            codecsFrom(AUDIO_POOL, 1).generate(in),
            video,
            extensions().generate(in),
            extensions().generate(in),
            booleans().all().generate(in),
            booleans().all().generate(in));
      };

  private static final Gen<Direction> DIRECTIONS =
      integers().between(0, 3).map(i -> Direction.values()[i]);

  private static final Gen<String> KINDS =
      booleans().all().map(b -> b ? MediaDescription.AUDIO : MediaDescription.VIDEO);

  @Test
  void anOfferAnsweredWithTheSameCapabilitiesAcceptsEveryCodec() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(CAPABILITIES, KINDS, DIRECTIONS, DIRECTIONS)
        .checkAssert(
            (caps, kind, offered, wanted) -> {
              MediaDescription offer = MediaNegotiation.offer(kind, "m0", offered, caps);
              MediaDescription answer = MediaNegotiation.answer(offer, caps, wanted).orElseThrow();
              assertEquals(offer.payloadTypes(), answer.payloadTypes());
              assertEquals(
                  MediaNegotiation.negotiatedCodecs(offer),
                  MediaNegotiation.negotiatedCodecs(answer));
              assertEquals(offer.extMaps(), answer.extMaps());
              assertEquals(MediaNegotiation.answerDirection(offered, wanted), answer.direction());
              assertEquals(answer, roundTrip(answer));
            });
  }

  @Test
  void anOfferParsesBackWithUniquePayloadTypesAndExtensionIds() {
    qt().withFixedSeed(SEED)
        .withExamples(300)
        .forAll(CAPABILITIES, KINDS, DIRECTIONS)
        .checkAssert(
            (caps, kind, direction) -> {
              MediaDescription offer = MediaNegotiation.offer(kind, "m0", direction, caps);
              assertEquals(offer, roundTrip(offer));
              List<Integer> pts = offer.payloadTypes();
              assertEquals(pts.size(), new HashSet<>(pts).size(), "unique payload types");
              assertEquals(offer.formats().size(), pts.size());
              for (int pt : pts) {
                assertNotNull(offer.rtpMap(pt), "rtpmap of " + pt);
                assertFalse(pt >= 64 && pt <= 95, "RFC 5761 §4: " + pt);
              }
              List<Integer> ids = offer.extMaps().stream().map(ExtMap::id).toList();
              assertEquals(ids.size(), new HashSet<>(ids).size(), "unique extmap ids");
              for (int id : ids) {
                assertTrue(id >= 1 && id <= 14, "one-byte id " + id);
              }
              int rtx = 0;
              for (RtpMap map : offer.rtpMaps()) {
                if (map.encodingName().equals("rtx")) {
                  rtx++;
                  int apt = Integer.parseInt(offer.fmtp(map.payloadType()).parameter("apt"));
                  // RTX comes right after the payload type it repairs.
                  assertEquals(pts.indexOf(apt) + 1, pts.indexOf(map.payloadType()));
                }
              }
              if (!caps.rtx(kind)) {
                assertEquals(0, rtx);
              }
            });
  }
}
