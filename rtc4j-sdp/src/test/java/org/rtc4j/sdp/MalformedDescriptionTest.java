package org.rtc4j.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Descriptions a peer might send that are not valid SDP: each refused with a {@link
 * SdpParseException} that names the line, never anything else.
 */
class MalformedDescriptionTest {
  private static final String HEAD = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  private static final String DATA =
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
          + "c=IN IP4 0.0.0.0\r\n"
          + "a=mid:0\r\n"
          + "a=sctp-port:5000\r\n";

  /** Asserts that {@code sdp} is refused on {@code line} with a message that says {@code why}. */
  private static void assertRefused(String sdp, int line, String why) {
    SdpParseException e =
        assertThrows(SdpParseException.class, () -> SessionDescription.parse(sdp));
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void theSmallestDescriptionParses() throws SdpParseException {
    SessionDescription d = SessionDescription.parse(HEAD);
    assertEquals(HEAD, d.toString());
    assertEquals(0, d.mediaDescriptions().size());
    // The last line may lack its end.
    assertEquals(d, SessionDescription.parse(HEAD.substring(0, HEAD.length() - 2)));
  }

  @Test
  void theVersionMustComeFirstAndBeZero() {
    assertRefused("", 0, "empty description");
    assertRefused("v=1\r\n", 1, "v= must be 0");
    assertRefused("o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n", 1, "expected v= line, found o=");
    assertRefused("v= 0\r\n", 1, "v= must be 0");
  }

  @Test
  void originAndSessionNameAreRequiredInTheirPlaces() {
    assertRefused("v=0\r\n", 2, "missing o= line");
    assertRefused("v=0\r\ns=-\r\n", 2, "expected o= line, found s=");
    assertRefused("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nt=0 0\r\n", 3, "expected s= line");
    assertRefused("v=0\r\no=- 1 2 IN IP4\r\ns=-\r\nt=0 0\r\n", 2, "6 fields");
    assertRefused("v=0\r\no=- x 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n", 2, "session id");
    assertRefused(
        "v=0\r\no=- 1 99999999999999999999 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n",
        2,
        "session version");
  }

  @Test
  void aTimeDescriptionIsRequiredBeforeAttributesAndMedia() {
    String noTime = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n";
    assertRefused(noTime, 3, "missing t= line");
    assertRefused(noTime + "a=group:BUNDLE 0\r\n", 4, "missing t= line before a=");
    assertRefused(noTime + DATA, 4, "missing t= line");
    assertRefused(noTime + "t=0\r\n", 4, "t= must be <start> <stop>");
    assertRefused(noTime + "t=0 x\r\n", 4, "stop time");
  }

  @Test
  void sessionLinesMustComeInRfc8866Order() {
    assertRefused(HEAD + "c=IN IP4 0.0.0.0\r\n", 5, "c= line out of order, after t=");
    assertRefused(HEAD + "a=ice-lite\r\nb=AS:30\r\n", 6, "b= line out of order");
    assertRefused(
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\ni=a\r\ni=b\r\nt=0 0\r\n", 5, "a second i=");
    assertRefused(HEAD + "s=again\r\n", 5, "s= line out of order");
    assertRefused(HEAD + "a=ice-lite\r\nr=7d 1h 0 25h\r\n", 6, "out of order");
    assertRefused(HEAD + "z=2882844526 -1h\r\nz=2882844526 -1h\r\n", 6, "z= must follow");
    assertRefused(HEAD + "r=\r\n", 5, "r= must not be empty");
  }

  @Test
  void timeDescriptionsWithRepeatsAndZonesAreKept() throws SdpParseException {
    // RFC 8866 §5.10 and §5.11's examples.
    String sdp =
        "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=3034423619 3042462419\r\nr=7d 1h 0 25h\r\n"
            + "r=604800 3600 0 90000\r\nz=2882844526 -1h 2898848070 0\r\nt=0 0\r\nk=prompt\r\n"
            + "a=recvonly\r\n";
    SessionDescription d = SessionDescription.parse(sdp);
    assertEquals(2, d.times().size());
    assertEquals(3034423619L, d.times().get(0).start());
    assertEquals(2, d.times().get(0).repeats().size());
    assertEquals("2882844526 -1h 2898848070 0", d.times().get(0).zoneAdjustments());
    assertEquals(TimeDescription.PERMANENT, d.times().get(1));
    assertEquals("prompt", d.key());
    assertEquals(Direction.RECVONLY, d.direction());
    assertEquals(sdp, d.toString());
  }

  @Test
  void everyOptionalSessionLineIsKeptInItsPlace() throws SdpParseException {
    // RFC 8866 §5's example, less its media.
    String sdp =
        "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call to John Smith\r\n"
            + "i=SDP Offer #1\r\nu=http://www.jdoe.example.com/home.html\r\n"
            + "e=Jane Doe <jane@jdoe.example.com>\r\np=+1 617 555-6011\r\n"
            + "c=IN IP4 198.51.100.1\r\nb=AS:2000\r\nb=TIAS:2000000\r\nt=0 0\r\n"
            + "m=audio 49170 RTP/AVP 0\r\nm=audio 49180 RTP/AVP 0\r\n"
            + "m=video 51372 RTP/AVP 99\r\nc=IN IP6 2001:db8::2\r\nc=IN IP6 2001:db8::3\r\n"
            + "b=AS:512\r\nk=prompt\r\na=rtpmap:99 h263-1998/90000\r\n"
            + "m=video 49232/2 RTP/AVP 98\r\ni=Slides\r\n";
    SessionDescription d = SessionDescription.parse(sdp);
    assertEquals("jdoe", d.origin().username());
    assertEquals(3724394405L, d.origin().sessionVersion());
    assertEquals("Call to John Smith", d.sessionName());
    assertEquals("SDP Offer #1", d.information());
    assertEquals("http://www.jdoe.example.com/home.html", d.uri());
    assertEquals("Jane Doe <jane@jdoe.example.com>", d.emails().get(0));
    assertEquals("+1 617 555-6011", d.phones().get(0));
    assertEquals(new Connection("IN", "IP4", "198.51.100.1"), d.connection());
    assertEquals(new Bandwidth("TIAS", 2000000), d.bandwidths().get(1));
    MediaDescription video = d.mediaDescriptions().get(2);
    assertEquals(2, video.connections().size());
    assertEquals(new Bandwidth("AS", 512), video.bandwidths().get(0));
    assertEquals("prompt", video.key());
    assertEquals(RtpMap.of(99, "h263-1998", 90000), video.rtpMap(99));
    MediaDescription slides = d.mediaDescriptions().get(3);
    assertEquals(2, slides.numberOfPorts());
    assertEquals("Slides", slides.information());
    assertEquals(sdp, d.toString());
  }

  @Test
  void mediaLinesMustHaveAPortAProtocolAndFormats() {
    assertRefused(HEAD + "m=audio 9 UDP/TLS/RTP/SAVPF\r\n", 5, "has 3 fields");
    assertRefused(HEAD + "m=audio 70000 RTP/AVP 0\r\n", 5, "port");
    assertRefused(HEAD + "m=audio x RTP/AVP 0\r\n", 5, "port");
    assertRefused(HEAD + "m=audio 9/0 RTP/AVP 0\r\n", 5, "number of ports");
    assertRefused(HEAD + "m=audio 9 RTP//AVP 0\r\n", 5, "proto");
    assertRefused(HEAD + "m=aud:io 9 RTP/AVP 0\r\n", 5, "media type");
    assertRefused(HEAD + "m=audio 9 RTP/AVP 0 a:b\r\n", 5, "format");
  }

  @Test
  void mediaLinesMustComeInOrderAndOnlyTheMediaLevelOnes() {
    assertRefused(HEAD + DATA + "t=0 0\r\n", 9, "t= line not allowed in a media description");
    assertRefused(HEAD + DATA + "c=IN IP4 0.0.0.0\r\n", 9, "c= line out of order");
    assertRefused(HEAD + DATA + "o=- 1 2 IN IP4 127.0.0.1\r\n", 9, "not allowed");
    assertRefused(HEAD + "m=audio 9 RTP/AVP 0\r\ni=a\r\ni=b\r\n", 7, "a second i= line in a media");
    assertRefused(HEAD + "m=audio 9 RTP/AVP 0\r\nc=IN IP4\r\n", 6, "3 fields");
    assertRefused(HEAD + "m=audio 9 RTP/AVP 0\r\nb=AS\r\n", 6, "<type>:<bandwidth>");
    assertRefused(HEAD + "m=audio 9 RTP/AVP 0\r\nb=AS:x\r\n", 6, "bandwidth");
  }

  @Test
  void linesMustBeATypeLetterAnEqualsSignAndAValue() {
    assertRefused(HEAD + "x=foo\r\n", 5, "unknown line type");
    assertRefused(HEAD + "A=foo\r\n", 5, "unknown line type");
    assertRefused(HEAD + "a foo\r\n", 5, "expected <type>=<value>");
    assertRefused(HEAD + "a\r\n", 5, "expected <type>=<value>");
    assertRefused(HEAD + "\r\na=ice-lite\r\n", 5, "empty line");
    assertRefused(HEAD + "a=\r\n", 5, "attribute name");
    // Attribute.parse skips an a= in front of trickled text; a description's line does not.
    assertRefused(HEAD + "a=a=rtcp-mux\r\n", 5, "attribute name");
  }

  @Test
  void controlCharactersAreRefusedWhereverTheyAre() {
    assertRefused(HEAD + "a=foo:b\u0000r\r\n", 5, "U+0000");
    assertRefused(HEAD + "a=foo:bar\rbaz\r\n", 5, "U+000D");
    assertRefused("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=\t-\r\n", 3, "U+0009");
    assertRefused(HEAD + "a=foo\u007F\r\n", 5, "U+007F");
    assertRefused(HEAD + "a=ice-lite\r", 5, "U+000D");
  }

  @Test
  void aMalformedKnownAttributeNamesItsLine() {
    String audio = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n";
    assertRefused(HEAD + audio + "a=rtpmap:111 opus\r\n", 7, "a=rtpmap:");
    assertRefused(
        HEAD + audio + "a=mid:0\r\na=candidate:1 1 udp 1 x 9 typ lan\r\n", 8, "a=candidate:");
    assertRefused(HEAD + audio + "a=rtcp-mux:on\r\n", 7, "takes no value");
    assertRefused(HEAD + audio + "a=mid\r\n", 7, "needs a value");
    assertRefused(HEAD + "a=group:BUNDLE 0 a:b\r\n", 5, "a=group:");
    assertRefused(HEAD + "a=fingerprint:sha-256 XY\r\n", 5, "a=fingerprint:");
  }

  @Test
  void aHostileDescriptionCannotMakeUsAllocateWithoutBound() {
    StringBuilder many = new StringBuilder(HEAD);
    while (many.length() < SessionDescription.MAX_LENGTH - 8) {
      many.append("a=x\r\n");
    }
    assertRefused(many.toString(), SessionDescription.MAX_LINES + 1, "more than 10000 lines");

    String huge = HEAD + "a=x:" + "y".repeat(SessionDescription.MAX_LENGTH) + "\r\n";
    assertRefused(huge, 0, "longer than");
  }

  @Test
  void aDescriptionAtTheLimitsStillParses() throws SdpParseException {
    StringBuilder sdp = new StringBuilder(HEAD);
    for (int i = 4; i < SessionDescription.MAX_LINES; i++) {
      sdp.append("a=x\r\n");
    }
    SessionDescription d = SessionDescription.parse(sdp.toString());
    assertEquals(SessionDescription.MAX_LINES - 4, d.attributes().size());
    assertEquals(sdp.toString(), d.toString());
  }
}
