package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Descriptions made from scratch and edited as JSEP (RFC 8829 §5.2, §5.3) makes and edits them. */
class DescriptionBuilderTest {
  private static final Fingerprint FINGERPRINT =
      Fingerprint.of("sha-256", new byte[] {(byte) 0xF9, (byte) 0xC2, 0x41, (byte) 0xA9});

  /** A data-channel-only offer, as rtc4j's JSEP would write it. */
  private static SessionDescription offer() {
    return SessionDescription.builder(Origin.of("4611731400430051336", 2))
        .addAttribute(Group.bundle(List.of("0")))
        .addAttribute(PropertyAttribute.EXTMAP_ALLOW_MIXED)
        .addMedia(
            MediaDescription.builder(
                    MediaDescription.APPLICATION, 9, MediaDescription.UDP_DTLS_SCTP)
                .addFormat(MediaDescription.WEBRTC_DATACHANNEL)
                .connection(Connection.IP4_ANY)
                .addAttribute(new IceUfrag("4+0D"))
                .addAttribute(new IcePwd("VGjCMRbKnkDYFvHZu4ANlgEs"))
                .addAttribute(IceOptions.of(IceOptions.TRICKLE))
                .addAttribute(FINGERPRINT)
                .addAttribute(Setup.ACTPASS)
                .addAttribute(new Mid("0"))
                .addAttribute(new SctpPort(SctpPort.DEFAULT))
                .addAttribute(new MaxMessageSize(262144))
                .build())
        .build();
  }

  @Test
  void anOfferMadeFromScratchIsTheSdpJsepWrites() throws SdpParseException {
    SessionDescription offer = offer();
    String expected =
        "v=0\r\n"
            + "o=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "t=0 0\r\n"
            + "a=group:BUNDLE 0\r\n"
            + "a=extmap-allow-mixed\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=ice-ufrag:4+0D\r\n"
            + "a=ice-pwd:VGjCMRbKnkDYFvHZu4ANlgEs\r\n"
            + "a=ice-options:trickle\r\n"
            + "a=fingerprint:sha-256 F9:C2:41:A9\r\n"
            + "a=setup:actpass\r\n"
            + "a=mid:0\r\n"
            + "a=sctp-port:5000\r\n"
            + "a=max-message-size:262144\r\n";
    assertEquals(expected, offer.toString());
    assertEquals(offer, SessionDescription.parse(expected));
    assertTrue(offer.media("0").isDataChannel());
  }

  @Test
  void anAnswerIsAnEditedCopyAndTheOfferStaysAsItWas() {
    SessionDescription offer = offer();
    MediaDescription offered = offer.mediaDescriptions().get(0);
    SessionDescription answer =
        offer.toBuilder()
            .origin(offer.origin().withSessionVersion(3))
            .setMedia(
                0,
                offered.toBuilder()
                    .setAttribute(Setup.ACTIVE)
                    .setAttribute(new IceUfrag("8b5dd1fb"))
                    .removeAttributes(IceOptions.NAME)
                    .addAttribute(
                        Candidate.of(
                            "1", 1, "udp", 2122260223L, "192.0.2.1", 50000, Candidate.Type.HOST))
                    .addAttribute(PropertyAttribute.END_OF_CANDIDATES)
                    .build())
            .build();

    MediaDescription answered = answer.mediaDescriptions().get(0);
    assertEquals(Setup.ACTIVE, answered.setup());
    assertEquals("8b5dd1fb", answered.iceUfrag());
    assertNull(answered.iceOptions());
    assertEquals(1, answered.candidates().size());
    assertTrue(answered.isEndOfCandidates());
    assertEquals(3, answer.origin().sessionVersion());
    // setAttribute kept each attribute where it was.
    assertEquals(Setup.NAME, answered.attributes().get(3).name());
    assertEquals(IceUfrag.NAME, answered.attributes().get(0).name());

    assertEquals(Setup.ACTPASS, offer.media("0").setup());
    assertEquals("4+0D", offer.media("0").iceUfrag());
    assertEquals(offer(), offer);
    assertNotEquals(offer, answer);
  }

  @Test
  void aDirectionReplacesTheOneBeforeIt() {
    MediaDescription audio =
        MediaDescription.builder(MediaDescription.AUDIO, 9, MediaDescription.UDP_TLS_RTP_SAVPF)
            .addFormat(111)
            .addAttribute(new Mid("0"))
            .addAttribute(Direction.SENDRECV)
            .addAttribute(Direction.RECVONLY)
            .addAttribute(new RtpMap(111, "opus", 48000, 2))
            .build();
    MediaDescription held = audio.toBuilder().direction(Direction.INACTIVE).build();
    assertEquals(Direction.INACTIVE, held.direction());
    assertEquals(
        List.of("mid", "inactive", "rtpmap"),
        held.attributes().stream().map(Attribute::name).toList());
    MediaDescription none = MediaDescription.builder("audio", 9, "RTP/AVP").addFormat(0).build();
    assertNull(none.direction());
    assertEquals(
        Direction.SENDONLY, none.toBuilder().direction(Direction.SENDONLY).build().direction());
  }

  @Test
  void portZeroRejectsASectionUnlessItIsBundleOnly() {
    MediaDescription video =
        MediaDescription.builder(MediaDescription.VIDEO, 9, MediaDescription.UDP_TLS_RTP_SAVPF)
            .addFormat(96)
            .build();
    assertFalse(video.isRejected());
    MediaDescription rejected = video.toBuilder().port(0).build();
    assertTrue(rejected.isRejected());
    MediaDescription bundleOnly =
        rejected.toBuilder().addAttribute(PropertyAttribute.BUNDLE_ONLY).build();
    assertFalse(bundleOnly.isRejected());
    assertTrue(bundleOnly.isBundleOnly());
  }

  @Test
  void nothingMalformedCanBeBuilt() {
    assertThrows(
        IllegalArgumentException.class,
        () -> MediaDescription.builder("audio", 9, "RTP/AVP").build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MediaDescription.builder("audio", 65536, "RTP/AVP").addFormat(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> MediaDescription.builder("audio", 9, "RTP /AVP").addFormat(0).build());
    assertThrows(IllegalArgumentException.class, () -> new Attribute("mid", "a b"));
    assertThrows(IllegalArgumentException.class, () -> Attribute.of("foo", "line\r\nbreak"));
    assertThrows(IllegalArgumentException.class, () -> Attribute.property("a=b"));
    assertThrows(IllegalArgumentException.class, () -> new Mid("a\nb"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SessionDescription.builder(Origin.of("1", 0)).sessionName("a\r\nb").build());
    assertThrows(IllegalArgumentException.class, () -> Origin.of("-1", 0));
    assertThrows(IllegalArgumentException.class, () -> new Connection("IN", "IP4", "a b"));
    assertThrows(IllegalArgumentException.class, () -> new Bandwidth("AS", -1));
    assertThrows(
        IllegalArgumentException.class, () -> new TimeDescription(0, 0, List.of(""), null));
  }

  @Test
  void aDescriptionWithoutTimesGetsThePermanentOne() {
    SessionDescription d = SessionDescription.builder(Origin.of("1", 0)).build();
    assertEquals(List.of(TimeDescription.PERMANENT), d.times());
    assertEquals(0, d.version());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SessionDescription(
                Origin.of("1", 0),
                "-",
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of()));
  }
}
