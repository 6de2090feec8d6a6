package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * Offers from a hostile or broken peer: whatever a parsed section says, answering it and reading
 * its codecs never throws, and an answer only ever holds what was offered and what it needs.
 *
 * <p>The Jazzer target runs as an ordinary test over the seeds in {@code
 * src/test/resources/org/rtc4j/sdp/MediaNegotiationFuzzTestInputs/}; to fuzz it for real:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-sdp -am test \
 *     -Dtest='MediaNegotiationFuzzTest#answerAnyOffer' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class MediaNegotiationFuzzTest {
  /** Capabilities that take more than the defaults: RED, FEC, RTX for audio too. */
  private static final MediaCapabilities GENEROUS =
      MediaCapabilities.defaults()
          .withCodecs(
              MediaDescription.AUDIO,
              List.of(
                  Codec.audio("opus", 48000, 2),
                  Codec.audio("red", 48000, 2),
                  Codec.audio("PCMU", 8000, 1).withPreferredPayloadType(0)))
          .withCodecs(
              MediaDescription.VIDEO,
              List.of(
                  Codec.video("VP8", 90000).withFeedback(List.of("nack", "nack pli")),
                  Codec.video("H264", 90000)
                      .withParameter("packetization-mode", "1")
                      .withParameter("profile-level-id", "42e01f"),
                  Codec.video("red", 90000),
                  Codec.video("ulpfec", 90000),
                  Codec.video("flexfec-03", 90000)))
          .withRtx(MediaDescription.AUDIO, true);

  private static final List<MediaCapabilities> CAPABILITIES =
      List.of(MediaCapabilities.defaults(), GENEROUS, MediaCapabilities.none());

  /** Answers every section of {@code offer} with each set of capabilities and checks the result. */
  private static void answerEverySection(SessionDescription offer) {
    for (MediaDescription offered : offer.mediaDescriptions()) {
      MediaNegotiation.negotiatedCodecs(offered);
      MediaNegotiation.rejected(offered);
      for (MediaCapabilities caps : CAPABILITIES) {
        Optional<MediaDescription> answer =
            MediaNegotiation.answer(offered, caps, Direction.SENDRECV);
        answer.ifPresent(a -> checkAnswer(offered, a));
      }
    }
  }

  private static void checkAnswer(MediaDescription offered, MediaDescription answer) {
    List<Integer> offeredPts = offered.payloadTypes();
    List<Integer> pts = answer.payloadTypes();
    assertFalse(pts.isEmpty());
    assertEquals(pts.size(), answer.formats().size());
    for (int pt : pts) {
      assertTrue(offeredPts.contains(pt), pt + " was not offered");
      assertNotNull(answer.rtpMap(pt), "rtpmap of " + pt);
    }
    for (RtpMap map : answer.rtpMaps()) {
      if (map.encodingName().equalsIgnoreCase(Codec.RTX)) {
        int apt = Integer.parseInt(answer.fmtp(map.payloadType()).parameter(Codec.APT));
        assertTrue(pts.contains(apt), "rtx " + map.payloadType() + " repairs " + apt);
        assertFalse(answer.rtpMap(apt).encodingName().equalsIgnoreCase(Codec.RTX));
      }
    }
    assertEquals(pts.size(), MediaNegotiation.negotiatedCodecs(answer).size());
    String sdp = SessionDescription.builder(Origin.of("1", 1)).addMedia(answer).build().write();
    try {
      assertEquals(answer, SessionDescription.parse(sdp).mediaDescriptions().get(0));
    } catch (SdpParseException e) {
      throw new AssertionError("the answer does not parse back:\n" + sdp, e);
    }
  }

  /** Parses arbitrary text as an offer and answers every section of what parses. */
  @FuzzTest
  void answerAnyOffer(byte[] data) {
    SessionDescription offer;
    try {
      offer = SessionDescription.parse(new String(data, StandardCharsets.UTF_8));
    } catch (SdpParseException e) {
      return;
    }
    answerEverySection(offer);
  }

  // Browser offers, broken at random.

  /** Fixed, so that every run checks the same examples. */
  private static final long SEED = 0xb0f5L;

  private static final List<String> NAMES =
      List.of(
          "VP8",
          "vp9",
          "H264",
          "AV1",
          "rtx",
          "RTX",
          "red",
          "ulpfec",
          "flexfec-03",
          "opus",
          "PCMU",
          "telephone-event");

  private static final List<Integer> CLOCKS = List.of(1, 8000, 48000, 90000);

  private static final List<String> FMTPS =
      List.of(
          "apt=%d",
          "apt=%d;rtx-time=3000",
          "apt=-1",
          "apt=999",
          "apt=",
          "%d/%d",
          "%d/abc/%d",
          "profile-level-id=zz;packetization-mode=1",
          "profile-level-id=42e01f;packetization-mode=1",
          "profile-level-id=42e01f",
          "profile-id=0",
          "=5;;x",
          "a=b=c; d ;e=");

  private static final List<String> FEEDBACK =
      List.of("nack", "nack pli", "ccm fir", "transport-cc", "goog-remb", "x-y z  w");

  private static final List<String> URIS =
      List.of(
          MediaCapabilities.SDES_MID,
          MediaCapabilities.TRANSPORT_WIDE_CC,
          MediaCapabilities.SSRC_AUDIO_LEVEL,
          MediaCapabilities.ABS_SEND_TIME,
          "urn:x");

  private static <T> T pick(List<T> values, RandomnessSource in) {
    return values.get(integers().between(0, values.size() - 1).generate(in));
  }

  private static int payloadType(RandomnessSource in) {
    return booleans().all().generate(in)
        ? integers().between(0, 127).generate(in)
        : integers().between(96, 100).generate(in);
  }

  /** One attribute line a broken peer might write, valid SDP but nonsense as a negotiation. */
  private static final Gen<String> LINES =
      in -> {
        int pt = payloadType(in);
        switch (integers().between(0, 5).generate(in)) {
          case 0:
            return "rtpmap:"
                + pt
                + " "
                + pick(NAMES, in)
                + "/"
                + pick(CLOCKS, in)
                + (booleans().all().generate(in)
                    ? "/" + integers().between(1, 8).generate(in)
                    : "");
          case 1:
            return "fmtp:"
                + pt
                + " "
                + String.format(pick(FMTPS, in), payloadType(in), payloadType(in));
          case 2:
            return "rtcp-fb:"
                + (booleans().all().generate(in) ? "*" : Integer.toString(pt))
                + " "
                + pick(FEEDBACK, in);
          case 3:
            return "extmap:"
                + integers().between(1, 300).generate(in)
                + (booleans().all().generate(in) ? "/recvonly" : "")
                + " "
                + pick(URIS, in);
          case 4:
            return pick(List.of("sendonly", "inactive", "rtcp-mux", "extmap-allow-mixed"), in);
          default:
            return "mid:" + pick(List.of("0", "1", "x"), in);
        }
      };

  /** A section of a browser offer with attributes dropped, added and formats changed. */
  private static final Gen<MediaDescription> BROKEN_SECTIONS =
      in -> {
        String fixture = pick(List.of("chrome-offer.sdp", "firefox-offer.sdp"), in);
        List<MediaDescription> sections = Fixtures.parse(fixture).mediaDescriptions();
        MediaDescription section = pick(sections, in);
        List<Attribute> attributes = new ArrayList<>(section.attributes());
        int drops = integers().between(0, 10).generate(in);
        for (int i = 0; i < drops && !attributes.isEmpty(); i++) {
          attributes.remove((int) integers().between(0, attributes.size() - 1).generate(in));
        }
        int adds = integers().between(0, 10).generate(in);
        for (int i = 0; i < adds; i++) {
          try {
            attributes.add(
                integers().between(0, attributes.size()).generate(in),
                Attribute.parse(LINES.generate(in)));
          } catch (SdpParseException e) {
            throw new AssertionError(e);
          }
        }
        List<String> formats = new ArrayList<>(section.formats());
        int more = integers().between(0, 3).generate(in);
        for (int i = 0; i < more; i++) {
          formats.add(Integer.toString(payloadType(in)));
        }
        if (booleans().all().generate(in) && formats.size() > 1) {
          formats.remove(0);
        }
        return section.toBuilder().attributes(attributes).formats(formats).build();
      };

  @Test
  void brokenBrowserSectionsAreAnsweredSafely() {
    int[] answered = {0};
    qt().withFixedSeed(SEED)
        .withExamples(500)
        .forAll(BROKEN_SECTIONS)
        .checkAssert(
            section -> {
              answerEverySection(
                  SessionDescription.builder(Origin.of("1", 1)).addMedia(section).build());
              if (MediaNegotiation.answer(section, GENEROUS, Direction.SENDRECV).isPresent()) {
                answered[0]++;
              }
            });
    assertTrue(answered[0] > 100, "most broken sections still have a codec in common");
  }
}
