package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz targets for the SDP parser. Without {@code JAZZER_FUZZ} they run as ordinary tests
 * over the seeds in {@code src/test/resources/org/rtc4j/sdp/SdpFuzzTestInputs/}: the files in it
 * (the browser descriptions and a few hand-made ones) are shared by both targets, those in a
 * subdirectory named after a target are that target's only. To fuzz one target for real:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-sdp -am test \
 *     -Dtest='SdpFuzzTest#parseDescription' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 *
 * <p>Fuzzing grows a corpus in {@code rtc4j-sdp/.cifuzz-corpus/} (not to be committed) and writes
 * each failing input as {@code crash-<sha1>} into the target's seed directory; once fixed, rename
 * it to say what it is and commit it, so that every test run replays it.
 */
class SdpFuzzTest {

  /**
   * Parses arbitrary text as a description. {@link SdpParseException} is the only way to refuse it,
   * naming a line the text has; a description that parses must answer every accessor, write SDP
   * that parses to the same description, and write that SDP again unchanged.
   */
  @FuzzTest
  void parseDescription(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    SessionDescription description;
    try {
      description = SessionDescription.parse(text);
    } catch (SdpParseException e) {
      assertNotNull(e.getMessage());
      assertTrue(e.line() >= 0 && e.line() <= lineCount(text) + 1, e.getMessage());
      return;
    }
    useEveryAccessor(description);
    String written = description.write();
    SessionDescription again;
    try {
      again = SessionDescription.parse(written);
    } catch (SdpParseException e) {
      throw new AssertionError("cannot parse what was written:\n" + written, e);
    }
    assertEquals(description, again);
    assertEquals(written, again.write());
  }

  /**
   * Parses arbitrary text as an attribute line's value ({@code name:value}) and through each typed
   * view. Only {@link SdpParseException} may refuse it; whatever parses writes back to text that
   * parses to the same value.
   */
  @FuzzTest
  void parseAttribute(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      Attribute attribute = Attribute.parse(text);
      assertEquals(attribute, Attribute.parse(attribute.toString()));
      TypedAttribute view = TypedViews.of(attribute);
      if (view != null) {
        assertEquals(attribute.name(), view.toAttribute().name());
        assertEquals(view, TypedViews.of(view.toAttribute()));
      }
    } catch (SdpParseException e) {
      assertNotNull(e.getMessage());
    }
    // The same text straight into every typed parser, whatever attribute it might belong to.
    for (String name : VALUE_NAMES) {
      try {
        Attribute attribute = Attribute.of(name, text);
        TypedAttribute view = TypedViews.of(attribute);
        assertEquals(view, TypedViews.of(view.toAttribute()));
      } catch (IllegalArgumentException refused) {
        // Attribute.of refuses what the view does not parse; the view's own parse must agree.
        assertRefusedByView(name, text);
      }
    }
  }

  private static final String[] VALUE_NAMES = {
    Candidate.NAME,
    Fingerprint.NAME,
    Setup.NAME,
    Group.NAME,
    Mid.NAME,
    IceUfrag.NAME,
    IcePwd.NAME,
    IceOptions.NAME,
    RtpMap.NAME,
    Fmtp.NAME,
    RtcpFeedback.NAME,
    ExtMap.NAME,
    Msid.NAME,
    Ssrc.NAME,
    SsrcGroup.NAME,
    Rid.NAME,
    Simulcast.NAME,
    SctpPort.NAME,
    MaxMessageSize.NAME
  };

  private static void assertRefusedByView(String name, String value) {
    try {
      KnownAttributes.check(name, value);
    } catch (SdpParseException expected) {
      return;
    }
    // The value itself parsed: then only a control character can have been refused.
    boolean control = value.chars().anyMatch(c -> Character.isISOControl(c));
    assertTrue(control, "a=" + name + ":" + value + " parses but cannot be made");
  }

  private static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  /** Calls what JSEP will call on a remote description. */
  private static void useEveryAccessor(SessionDescription d) {
    d.groups();
    d.bundleGroups();
    d.direction();
    d.iceUfrag();
    d.icePwd();
    d.iceOptions();
    d.isIceLite();
    d.fingerprints();
    d.setup();
    d.isExtmapAllowMixed();
    for (Attribute a : d.attributes()) {
      TypedViews.of(a);
      assertTrue(d.attributes(a.name()).contains(a));
      assertNotNull(d.attribute(a.name()));
    }
    for (MediaDescription m : d.mediaDescriptions()) {
      String mid = m.mid();
      if (mid != null) {
        assertNotNull(d.media(mid));
      }
      m.connection();
      m.isRejected();
      m.isDataChannel();
      m.payloadTypes();
      m.direction();
      m.iceUfrag();
      m.icePwd();
      m.iceOptions();
      m.candidates();
      m.isEndOfCandidates();
      m.fingerprints().forEach(Fingerprint::bytes);
      m.setup();
      for (RtpMap map : m.rtpMaps()) {
        assertEquals(map.payloadType(), m.rtpMap(map.payloadType()).payloadType());
      }
      m.fmtps().forEach(Fmtp::parameterMap);
      m.rtcpFeedbacks();
      m.extMaps();
      m.isExtmapAllowMixed();
      m.isRtcpMux();
      m.isRtcpReducedSize();
      m.isBundleOnly();
      m.msids();
      m.ssrcs();
      m.ssrcGroups();
      m.rids();
      m.simulcast();
      m.sctpPort();
      m.maxMessageSize();
      for (Attribute a : m.attributes()) {
        TypedViews.of(a);
      }
      assertEquals(m, m.toBuilder().build());
    }
    assertEquals(d, d.toBuilder().build());
  }
}
