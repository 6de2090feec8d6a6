package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which offered payload formats are which of our codecs, and how a codec writes its lines. */
class CodecTest {
  private static final Codec OPUS = Codec.audio("opus", 48000, 2);
  private static final Codec PCMU = Codec.audio("PCMU", 8000, 1).withPreferredPayloadType(0);
  private static final Codec H264 =
      Codec.video("H264", 90000)
          .withParameters(
              ordered(
                  "level-asymmetry-allowed", "1",
                  "packetization-mode", "1",
                  "profile-level-id", "42e01f"));

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static RtpMap rtpMap(String value) {
    try {
      return RtpMap.parse(value);
    } catch (SdpParseException e) {
      throw new AssertionError(e);
    }
  }

  private static Fmtp fmtp(String value) {
    try {
      return Fmtp.parse(value);
    } catch (SdpParseException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theNameMatchesInAnyCaseAndTheClockRateMustBeEqual() {
    assertTrue(OPUS.matches(rtpMap("111 opus/48000/2"), null));
    assertTrue(OPUS.matches(rtpMap("109 OPUS/48000/2"), null));
    assertFalse(OPUS.matches(rtpMap("111 opus/16000/2"), null));
    assertFalse(OPUS.matches(rtpMap("111 speex/48000/2"), null));
  }

  @Test
  void channelsMustBeEqualAndAnUnwrittenCountIsOne() {
    assertFalse(OPUS.matches(rtpMap("111 opus/48000"), null));
    assertTrue(PCMU.matches(rtpMap("0 PCMU/8000"), null));
    assertTrue(PCMU.matches(rtpMap("0 PCMU/8000/1"), null));
    assertFalse(PCMU.matches(rtpMap("0 PCMU/8000/2"), null));
    assertTrue(Codec.video("VP8", 90000).matches(rtpMap("96 VP8/90000"), null));
  }

  @Test
  void h264WithAnotherPacketizationModeIsAnotherFormat() {
    assertTrue(
        H264.matches(
            rtpMap("108 H264/90000"),
            fmtp("108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f")));
    assertFalse(
        H264.matches(
            rtpMap("114 H264/90000"),
            fmtp("114 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f")));
    // RFC 6184 §8.1: packetization-mode absent means 0.
    assertFalse(H264.matches(rtpMap("114 H264/90000"), fmtp("114 profile-level-id=42e01f")));
    Codec modeZero = Codec.video("H264", 90000).withParameter("profile-level-id", "42e01f");
    assertTrue(modeZero.matches(rtpMap("114 H264/90000"), fmtp("114 profile-level-id=42e01f")));
    assertTrue(
        modeZero.matches(
            rtpMap("114 H264/90000"), fmtp("114 packetization-mode=0;profile-level-id=42e01f")));
  }

  @ParameterizedTest(name = "42e01f and {0}: {1}")
  @CsvSource({
    "42e01f, true", // the same
    "42e034, true", // another level: level-asymmetry-allowed lets each side pick its own
    "42c01f, true", // constrained baseline too (constraint_set1 set, set0 either way)
    "4de01f, true", // Main with constraint_set0 and set1: RFC 6184 Table 5 says Constrained
    // Baseline
    "58f01f, true", // Extended with set0 and set1: Constrained Baseline as well
    "42001f, false", // Baseline, without constraint_set1
    "4d001f, false", // Main
    "64001f, false", // High
    "640c1f, false", // Constrained High
    "42e0, false", // malformed: not six hex digits
    "42e0zz, false" // malformed
  })
  void h264ProfilesCompareWithoutTheLevel(String profileLevelId, boolean matches) {
    assertEquals(
        matches,
        H264.matches(
            rtpMap("102 H264/90000"),
            fmtp("102 packetization-mode=1;profile-level-id=" + profileLevelId)));
  }

  @Test
  void anAbsentProfileLevelIdIsBaselineAtLevelOne() {
    Codec baseline = Codec.video("H264", 90000);
    assertTrue(baseline.matches(rtpMap("102 H264/90000"), fmtp("102 profile-level-id=42001f")));
    assertTrue(baseline.matches(rtpMap("102 H264/90000"), null));
    assertFalse(baseline.matches(rtpMap("102 H264/90000"), fmtp("102 profile-level-id=42e01f")));
  }

  @Test
  void h264ProfilesTheTableDoesNotKnowMatchOnTheSameBytes() {
    Codec unknown = Codec.video("H264", 90000).withParameter("profile-level-id", "ff0000");
    assertTrue(unknown.matches(rtpMap("102 H264/90000"), fmtp("102 profile-level-id=FF001F")));
    assertFalse(unknown.matches(rtpMap("102 H264/90000"), fmtp("102 profile-level-id=fe001f")));
    assertFalse(unknown.matches(rtpMap("102 H264/90000"), fmtp("102 profile-level-id=42e01f")));
  }

  @Test
  void vp9AndAv1ProfilesMustAgreeAndDefaultToZero() {
    Codec vp9 = Codec.video("VP9", 90000).withParameter("profile-id", "0");
    assertTrue(vp9.matches(rtpMap("98 VP9/90000"), fmtp("98 profile-id=0")));
    assertTrue(vp9.matches(rtpMap("121 VP9/90000"), fmtp("121 max-fs=12288;max-fr=60")));
    assertTrue(vp9.matches(rtpMap("121 VP9/90000"), null));
    assertFalse(vp9.matches(rtpMap("100 VP9/90000"), fmtp("100 profile-id=2")));

    Codec av1 = Codec.video("AV1", 90000);
    assertTrue(av1.matches(rtpMap("45 AV1/90000"), fmtp("45 level-idx=5;profile=0;tier=0")));
    assertTrue(av1.matches(rtpMap("99 AV1/90000"), null));
    assertFalse(av1.matches(rtpMap("45 AV1/90000"), fmtp("45 profile=1")));
  }

  @Test
  void otherCodecsIgnoreTheirFormatParameters() {
    Codec vp8 = Codec.video("VP8", 90000);
    assertTrue(vp8.matches(rtpMap("120 VP8/90000"), fmtp("120 max-fs=12288;max-fr=60")));
    Codec opus = OPUS.withParameter("minptime", "10");
    assertTrue(opus.matches(rtpMap("109 opus/48000/2"), fmtp("109 maxplaybackrate=48000")));
  }

  @Test
  void anFmtpOfAnotherPayloadTypeIsMisuse() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OPUS.matches(rtpMap("111 opus/48000/2"), fmtp("112 minptime=10")));
  }

  @Test
  void aCodecWritesItsOwnLinesOnAPayloadType() {
    Codec opus =
        OPUS.withParameters(ordered("minptime", "10", "useinbandfec", "1"))
            .withFeedback(List.of("transport-cc"));
    assertEquals("111 opus/48000/2", opus.rtpMap(111).toString());
    assertEquals("111 minptime=10;useinbandfec=1", opus.fmtp(111).toString());
    assertEquals(List.of(RtcpFeedback.of(111, "transport-cc")), opus.rtcpFeedbacks(111));
    // RFC 8866 §6.6: one channel may go unwritten, and browsers leave it so.
    assertEquals("0 PCMU/8000", PCMU.rtpMap(0).toString());
    assertNull(PCMU.fmtp(0));
    Codec vp8 = Codec.video("VP8", 90000).withFeedback(List.of("nack", "nack pli", "ccm fir"));
    assertEquals(
        List.of(
            RtcpFeedback.of(96, "nack"),
            new RtcpFeedback(96, "nack", "pli"),
            new RtcpFeedback(96, "ccm", "fir")),
        vp8.rtcpFeedbacks(96));
    Codec events = Codec.audio("telephone-event", 8000, 1).withParameter("0-15", "");
    assertEquals("101 0-15", events.fmtp(101).toString());
  }

  @Test
  void parametersKeepTheirOrderAndCannotBeChanged() {
    Codec h264 = H264;
    assertEquals(
        List.of("level-asymmetry-allowed", "packetization-mode", "profile-level-id"),
        List.copyOf(h264.parameters().keySet()));
    assertThrows(UnsupportedOperationException.class, () -> h264.parameters().put("x", "y"));
    assertThrows(UnsupportedOperationException.class, () -> h264.feedback().add("nack"));
  }

  @Test
  void whatAProtectingFormatIsIsToldByItsName() {
    assertTrue(Codec.video("rtx", 90000).isRtx());
    assertTrue(Codec.video("RED", 90000).isRed());
    assertTrue(Codec.video("ulpfec", 90000).isFec());
    assertTrue(Codec.video("flexfec-03", 90000).isFec());
    assertFalse(Codec.video("ulpfec", 90000).isMedia());
    assertTrue(Codec.video("VP8", 90000).isMedia());
    assertTrue(H264.hasIdentifyingParameters());
    assertFalse(OPUS.hasIdentifyingParameters());
  }

  @Test
  void malformedCodecsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Codec.audio("op us", 48000, 2));
    assertThrows(IllegalArgumentException.class, () -> Codec.audio("opus", 0, 2));
    assertThrows(IllegalArgumentException.class, () -> Codec.audio("opus", 48000, 0));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withPreferredPayloadType(128));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withPreferredPayloadType(-2));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withParameter("a;b", "1"));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withParameter("a=b", "1"));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withParameter("", "1"));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withParameter("a", "1;2"));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withParameter("a", "1\n"));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withFeedback(List.of("nack ")));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withFeedback(List.of(" nack")));
    assertThrows(IllegalArgumentException.class, () -> OPUS.withFeedback(List.of("")));
    assertThrows(NullPointerException.class, () -> OPUS.matches(null, null));
  }
}
