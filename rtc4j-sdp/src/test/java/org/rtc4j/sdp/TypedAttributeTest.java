package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each typed attribute on lines taken from the browser fixtures and the RFCs' examples: parsed to
 * the fields the line says, and written back as it was.
 */
class TypedAttributeTest {

  /** Parses {@code line} (the text after {@code a=}) as an attribute and through its view. */
  private static TypedAttribute view(String line) throws SdpParseException {
    Attribute attribute = Attribute.parse(line);
    TypedAttribute view = TypedViews.of(attribute);
    assertEquals(attribute, view.toAttribute(), line);
    assertEquals(line, "" + view.toAttribute());
    return view;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // RFC 8839 §5.1 and its examples
        "candidate:1 1 UDP 2130706431 203.0.113.141 8998 typ host",
        "candidate:2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 203.0.113.141 rport 8998",
        // RFC 6544 §4.5
        "candidate:1 1 TCP 2128609279 10.0.1.1 9 typ host tcptype active",
        "candidate:2 1 TCP 2124414975 10.0.1.1 8998 typ host tcptype passive",
        "candidate:3 1 TCP 2120220671 10.0.1.1 8999 typ host tcptype so",
        // Chromium, with its extensions, an mDNS name, a relay
        "candidate:842163049 1 udp 1677729535 198.51.100.7 54321 typ srflx raddr 0.0.0.0 rport 0"
            + " generation 0 ufrag 4+0D network-cost 999",
        "candidate:1467250027 1 udp 2122260223 5c8ae7bb-5b8c-4e6b-9e47-1d5c1d5b1b7f.local 46243"
            + " typ host generation 0 network-id 1",
        "candidate:3 2 udp 41885695 203.0.113.9 60001 typ relay raddr 198.51.100.7 rport 54321",
        "candidate:1 1 tcp 1518280447 192.168.1.2 9 typ host tcptype active generation 0",
        "candidate:a+b/C 256 udp 0 ::1 0 typ prflx",
        // Firefox
        "candidate:0 1 UDP 2122252543 192.168.1.2 49203 typ host",
        "fingerprint:sha-256 F9:C2:41:A9:F7:8E:A3:3A:9E:E0:13:22:B8:40:73:59:CC:AF:8C:70:47:FA:AF:15:9A"
            + ":6D:15:AF:B3:E2:4A:90",
        "fingerprint:SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
        "setup:actpass",
        "setup:active",
        "setup:passive",
        "setup:holdconn",
        "group:BUNDLE 0 1 2",
        "group:LS 1 2",
        "group:BUNDLE",
        "mid:0",
        "mid:audio",
        "ice-ufrag:+ySK",
        "ice-ufrag:8daa5f69",
        "ice-pwd:6BNXAvlmyFweELdICGOscZ52",
        "ice-pwd:87651531aadd00115c13da52bd5943a8",
        "ice-options:trickle",
        "ice-options:trickle renomination",
        "rtpmap:111 opus/48000/2",
        "rtpmap:96 VP8/90000",
        "rtpmap:9 G722/8000/1",
        "rtpmap:101 telephone-event/8000/1",
        "fmtp:111 minptime=10;useinbandfec=1",
        "fmtp:63 111/111",
        "fmtp:101 0-15",
        "fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
        "rtcp-fb:96 nack",
        "rtcp-fb:96 nack pli",
        "rtcp-fb:96 ccm fir",
        "rtcp-fb:111 transport-cc",
        // RFC 4585 §4.2 and RFC 5104 §7.1
        "rtcp-fb:* nack",
        "rtcp-fb:98 trr-int 100",
        "rtcp-fb:* ccm tmmbr smaxpr=120",
        "extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        "extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level",
        // RFC 8285 §7's examples
        "extmap:1 http://example.com/082005/ext.htm#ttime",
        "extmap:2/sendrecv http://example.com/082005/ext.htm#xmeta short",
        "msid:6426f4ad-b729-4bed-aab0-e072236e9cbe cd0bcc93-d9cd-45ec-b659-6e17665b346a",
        "msid:{07fdab4e-04b3-4e8b-a17c-b436ca3db1ea} {41820598-517f-411c-ab8e-4f5b228c78b5}",
        "msid:- 976ea9c2-8b66-43e0-bf03-4eca31991516",
        "msid:stream",
        "ssrc:484717294 cname:BVgoqZSsb/Nl2C68",
        "ssrc:2347875017 cname:{369ef0d0-cffd-4304-99f7-f2f242c6dba7}",
        "ssrc:2592470277 msid:6426f4ad-b729-4bed-aab0-e072236e9cbe"
            + " 976ea9c2-8b66-43e0-bf03-4eca31991516",
        // RFC 5576 §4.1 and §4.2
        "ssrc:314159 cname:user@example.com",
        "ssrc:4294967295 label",
        "ssrc-group:FID 2592470277 347982104",
        "ssrc-group:FEC-FR 314159 271828",
        // RFC 8851 §11
        "rid:1 send pt=97;max-width=1280;max-height=720;max-fps=30",
        "rid:5 send pt=99,102;max-br=64000;max-width=1280;max-height=720;max-fps=30",
        "rid:h send",
        "rid:lo recv max-width=320;depend=hi",
        "rid:x_1 send custom",
        // RFC 8853 §5.1
        "simulcast:send 1;2;3 recv 4",
        "simulcast:recv h;m;l",
        "simulcast:send 1,~4;2;3",
        "sctp-port:5000",
        "sctp-port:0",
        "max-message-size:262144",
        "max-message-size:1073741823",
        "max-message-size:0",
        "sendrecv",
        "sendonly",
        "recvonly",
        "inactive",
        "end-of-candidates",
        "extmap-allow-mixed",
        "rtcp-mux",
        "rtcp-rsize",
        "bundle-only",
        "ice-lite"
      })
  void aLineParsesToItsViewAndIsWrittenBackAsItWas(String line) throws SdpParseException {
    TypedAttribute view = view(line);
    // The view written and read again is the same view.
    assertEquals(view, TypedViews.of(Attribute.parse(view.toAttribute().toString())));
  }

  @Test
  void aServerReflexiveCandidateHasItsFieldsAndItsExtensionsInOrder() throws SdpParseException {
    Candidate c =
        Candidate.parse(
            "842163049 1 udp 1677729535 198.51.100.7 54321 typ srflx raddr 0.0.0.0 rport 0"
                + " generation 0 ufrag 4+0D network-cost 999");
    assertEquals("842163049", c.foundation());
    assertEquals(1, c.component());
    assertEquals("udp", c.transport());
    assertEquals(1677729535L, c.priority());
    assertEquals("198.51.100.7", c.address());
    assertEquals(54321, c.port());
    assertEquals(Candidate.Type.SRFLX, c.type());
    assertEquals("0.0.0.0", c.relatedAddress());
    assertEquals(0, c.relatedPort());
    assertNull(c.tcpType());
    assertEquals(
        List.of(
            new Candidate.Extension("generation", "0"),
            new Candidate.Extension("ufrag", "4+0D"),
            new Candidate.Extension("network-cost", "999")),
        c.extensions());
    assertEquals("4+0D", c.extension("ufrag"));
    assertNull(c.extension("network-id"));
  }

  @Test
  void aTrickledCandidateParsesWithItsPrefix() throws SdpParseException {
    String trickled = "candidate:0 1 UDP 2122252543 192.168.1.2 49203 typ host";
    for (String text : List.of(trickled, "a=" + trickled)) {
      Attribute attribute = Attribute.parse(text);
      assertEquals(Candidate.NAME, attribute.name());
      Candidate candidate = Candidate.parse(attribute.value());
      assertEquals(Candidate.Type.HOST, candidate.type());
      assertEquals(trickled, candidate.toTrickleString());
    }
  }

  @Test
  void relatedAddressAndTcpTypeAreFoundAnywhereAndWrittenFirst() throws SdpParseException {
    Candidate c =
        Candidate.parse(
            "1 1 tcp 1518280447 192.0.2.1 9 typ srflx generation 0 tcptype active rport 9"
                + " raddr 10.0.0.1");
    assertEquals("10.0.0.1", c.relatedAddress());
    assertEquals(9, c.relatedPort());
    assertEquals(Candidate.TcpType.ACTIVE, c.tcpType());
    assertEquals(
        "1 1 tcp 1518280447 192.0.2.1 9 typ srflx raddr 10.0.0.1 rport 9 tcptype active"
            + " generation 0",
        c.toString());
  }

  @Test
  void aCandidateBuiltInCodeIsWrittenAsBrowsersWriteIt() {
    Candidate c =
        new Candidate(
            "1",
            1,
            "udp",
            2130706431L,
            "203.0.113.141",
            8998,
            Candidate.Type.HOST,
            null,
            Candidate.NO_PORT,
            null,
            List.of(new Candidate.Extension("generation", "0")));
    assertEquals(
        "candidate:1 1 udp 2130706431 203.0.113.141 8998 typ host generation 0",
        c.toAttribute().toString());
    assertEquals(
        "1 1 UDP 2130706431 203.0.113.141 8998 typ host",
        Candidate.of("1", 1, "UDP", 2130706431L, "203.0.113.141", 8998, Candidate.Type.HOST)
            .toString());
  }

  @Test
  void aFingerprintMatchesTheDigestItWasMadeFrom() throws SdpParseException {
    byte[] digest = new byte[32];
    for (int i = 0; i < digest.length; i++) {
      digest[i] = (byte) (i * 7 + 0xA0);
    }
    Fingerprint f = Fingerprint.of("sha-256", digest);
    assertTrue(f.hex().startsWith("A0:A7:AE:B5:"));
    assertArrayEquals(digest, f.bytes());
    assertTrue(f.matches("SHA-256", digest));
    assertFalse(f.matches("sha-1", digest));
    digest[31] ^= 1;
    assertFalse(f.matches("sha-256", digest));
    // RFC 8122 asks for upper case; lower case from a sloppy peer still reads.
    Fingerprint lower = Fingerprint.parse("sha-256 " + f.hex().toLowerCase());
    assertArrayEquals(f.bytes(), lower.bytes());
  }

  @Test
  void fmtpParametersReadAsAMapInOrder() throws SdpParseException {
    Fmtp fmtp =
        Fmtp.parse("102 level-asymmetry-allowed=1; packetization-mode=1;profile-level-id=42001f");
    assertEquals(
        List.of("level-asymmetry-allowed", "packetization-mode", "profile-level-id"),
        List.copyOf(fmtp.parameterMap().keySet()));
    assertEquals("42001f", fmtp.parameter("profile-level-id"));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("minptime", "10");
    params.put("useinbandfec", "1");
    assertEquals("111 minptime=10;useinbandfec=1", Fmtp.of(111, params).toString());
  }

  @Test
  void ridRestrictionsAndPayloadTypesAreFields() throws SdpParseException {
    Rid rid = Rid.parse("5 send pt=99,102;max-br=64000;max-width=1280;max-height=720;max-fps=30");
    assertEquals("5", rid.id());
    assertEquals(Rid.Direction.SEND, rid.direction());
    assertEquals(List.of(99, 102), rid.payloadTypes());
    assertEquals("1280", rid.restriction("max-width"));
    assertNull(rid.restriction("max-fs"));
    assertEquals(4, rid.restrictions().size());
    assertEquals("h send", Rid.of("h", Rid.Direction.SEND).toString());
  }

  @Test
  void simulcastStreamsKeepTheirAlternativesAndPauses() throws SdpParseException {
    Simulcast s = Simulcast.parse("recv 4 send 1,~4;2;3");
    assertEquals(3, s.send().size());
    assertEquals(
        List.of(new Simulcast.Alternative("1", false), new Simulcast.Alternative("4", true)),
        s.send().get(0).alternatives());
    assertEquals(List.of(Simulcast.Stream.of("4")), s.receive());
    // Written with send first; read back the same.
    assertEquals("send 1,~4;2;3 recv 4", s.toString());
    assertEquals(s, Simulcast.parse(s.toString()));
  }

  @Test
  void directionsReverseAndCombineAsAnOfferAndAnswerDo() {
    assertEquals(Direction.RECVONLY, Direction.SENDONLY.reversed());
    assertEquals(Direction.SENDRECV, Direction.SENDRECV.reversed());
    assertEquals(Direction.INACTIVE, Direction.INACTIVE.reversed());
    assertEquals(Direction.SENDONLY, Direction.SENDRECV.and(Direction.SENDONLY));
    assertEquals(Direction.INACTIVE, Direction.SENDONLY.and(Direction.RECVONLY));
    assertEquals(Direction.RECVONLY, Direction.of(false, true));
    assertTrue(Direction.SENDRECV.sends() && Direction.SENDRECV.receives());
  }

  @Test
  void spacesAroundFieldsAreToleratedAndNotWrittenBack() throws SdpParseException {
    assertEquals(Group.bundle(List.of("0", "1")), Group.parse(" BUNDLE  0 1 "));
    assertEquals(new Mid("0"), Mid.parse(" 0"));
    assertEquals(new RtcpFeedback(96, "nack", "pli"), RtcpFeedback.parse("96  nack  pli"));
    assertEquals(Setup.ACTIVE, Setup.parse("active "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "candidate:",
        "candidate:1 1 udp 1 192.0.2.1 9",
        "candidate:1 1 udp 1 192.0.2.1 9 host",
        "candidate:1 1 udp 1 192.0.2.1 9 typ",
        "candidate:1 1 udp 1 192.0.2.1 9 typ local",
        "candidate:1 0 udp 1 192.0.2.1 9 typ host",
        "candidate:1 257 udp 1 192.0.2.1 9 typ host",
        "candidate:a-b 1 udp 1 192.0.2.1 9 typ host",
        "candidate:123456789012345678901234567890123 1 udp 1 192.0.2.1 9 typ host",
        "candidate:1 1 udp 4294967296 192.0.2.1 9 typ host",
        "candidate:1 1 udp -1 192.0.2.1 9 typ host",
        "candidate:1 1 udp 1 192.0.2.1 65536 typ host",
        "candidate:1 1 u/p 1 192.0.2.1 9 typ host",
        "candidate:1 1 udp 1 192.0.2.1 9 typ host generation",
        "candidate:1 1 udp 1 192.0.2.1 9 typ srflx raddr 10.0.0.1 raddr 10.0.0.2",
        "candidate:1 1 udp 1 192.0.2.1 9 typ srflx rport 70000",
        "candidate:1 1 tcp 1 192.0.2.1 9 typ host tcptype both",
        "fingerprint:sha-256",
        "fingerprint:sha-256 ZZ:00",
        "fingerprint:sha-256 ABC",
        "fingerprint:sha-256 AB:",
        "fingerprint:sha-256 AB:CD extra",
        "setup:both",
        "setup:",
        "group:",
        "group:BUNDLE 0 a/b",
        "mid:",
        "mid:a b",
        "ice-ufrag:abc",
        "ice-ufrag:abcd!",
        "ice-pwd:tooshort",
        "ice-options:",
        "rtpmap:128 x/9000",
        "rtpmap:96 VP8",
        "rtpmap:96 VP8/0",
        "rtpmap:96 VP8/90000/0",
        "rtpmap:96 VP8/90000/2/1",
        "rtpmap:96 VP8/90000 extra",
        "rtpmap:x VP8/90000",
        "fmtp:96",
        "fmtp:96   ",
        "fmtp:webrtc-datachannel max-message-size=100",
        "rtcp-fb:96",
        "rtcp-fb:200 nack",
        "rtcp-fb:** nack",
        "extmap:0 urn:x",
        "extmap:65536 urn:x",
        "extmap:1/both urn:x",
        "extmap:1",
        "msid:",
        "msid:a b c",
        "ssrc:4294967296 cname:x",
        "ssrc:1",
        "ssrc:1 c name:x",
        "ssrc-group:FID x",
        "rid:1 both",
        "rid:1",
        "rid:1.5 send",
        "rid:1 send pt=",
        "rid:1 send pt=1;",
        "rid:1 send pt=1,x",
        "rid:1 send max-width=1;pt=96",
        "simulcast:send",
        "simulcast:send a;;b",
        "simulcast:send a recv b send c",
        "simulcast:foo a",
        "simulcast:send ~",
        "sctp-port:65536",
        "sctp-port:x",
        "max-message-size:99999999999999999999",
        "max-message-size:-1",
        "rtcp-mux:1",
        "sendrecv:",
        "ice-lite:yes",
        "mid",
        "candidate"
      })
  void aMalformedKnownAttributeIsRefused(String line) {
    SdpParseException e = assertThrows(SdpParseException.class, () -> Attribute.parse(line));
    assertEquals(0, e.line());
    String name = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
    assertTrue(e.getMessage().startsWith("a=" + name + ": "), e.getMessage());
    // Nor can one be made in code.
    int colon = line.indexOf(':');
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Attribute(
                colon < 0 ? line : line.substring(0, colon),
                colon < 0 ? null : line.substring(colon + 1)));
  }

  @Test
  void unknownAttributesAreKeptAsTheyAre() throws SdpParseException {
    assertEquals(
        new Attribute("x-google-flag", "conference"), Attribute.parse("x-google-flag:conference"));
    assertEquals(
        new Attribute("rtcp", "9 IN IP4 0.0.0.0"), Attribute.parse("rtcp:9 IN IP4 0.0.0.0"));
    assertEquals(new Attribute("foo", ""), Attribute.parse("foo:"));
    assertEquals(Attribute.property("foo"), Attribute.parse("foo"));
    assertTrue(Attribute.parse("foo").isProperty());
    assertEquals("foo:", Attribute.parse("foo:").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ":x", "a b:c", "a/b", "name\u0000:x", "x:\u0007"})
  void anAttributeWithoutATokenNameOrWithControlCharactersIsRefused(String text) {
    assertThrows(SdpParseException.class, () -> Attribute.parse(text));
  }
}
