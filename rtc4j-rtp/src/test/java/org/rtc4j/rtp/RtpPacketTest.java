package org.rtc4j.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.rtp.extension.AbsSendTime;
import org.rtc4j.rtp.extension.Mid;
import org.rtc4j.rtp.extension.TransportSequenceNumber;

class RtpPacketTest {
  /**
   * A VP8 packet as Chrome sends it, with the header extensions it negotiates by default: one-byte
   * headers (RFC 8285 §4.2) carrying abs-send-time (id 2), transport-wide-cc (id 3) and mid (id 4).
   */
  static final byte[] CHROME_VP8 =
      Hex.bytes(
          "90 e0 1f40" // V=2 P=0 X=1 CC=0; M=1 PT=96; sequence number 8000
              + "0001e240" // timestamp 123456
              + "1a2b3c4d" // SSRC
              + "bede 0003" // RFC 8285 one-byte profile; 3 words of elements follow
              + "22 0c3a94" // id 2, L=2 (3 bytes): abs-send-time 0x0c3a94
              + "31 0102" // id 3, L=1 (2 bytes): transport-wide sequence number 258
              + "40 30" // id 4, L=0 (1 byte): mid "0"
              + "00 00 00" // padding to the 32-bit boundary
              + "9001 9d01 2a" // payload: the start of a VP8 key frame
          );

  private final RtpPacket packet = new RtpPacket();

  @Test
  void readsTheFixedHeader() throws ParseException {
    packet.wrap(CHROME_VP8, 0, CHROME_VP8.length);
    assertEquals(2, packet.version());
    assertFalse(packet.hasPadding());
    assertTrue(packet.hasExtension());
    assertTrue(packet.marker());
    assertEquals(96, packet.payloadType());
    assertEquals(8000, packet.sequenceNumber());
    assertEquals(123456, packet.timestamp());
    assertEquals(0x1a2b3c4dL, packet.ssrc());
    assertEquals(0, packet.csrcCount());
    assertEquals(12 + 4 + 12, packet.headerLength());
    assertEquals(28, packet.payloadOffset());
    assertEquals(5, packet.payloadLength());
    assertEquals(0, packet.paddingLength());
    assertEquals(HeaderExtensions.ONE_BYTE_PROFILE, packet.extensionProfile());
    assertEquals(16, packet.extensionOffset());
    assertEquals(12, packet.extensionLength());
  }

  @Test
  void iteratesTheOneByteElements() throws ParseException {
    packet.wrap(CHROME_VP8, 0, CHROME_VP8.length);
    assertEquals(3, packet.extensionCount());
    HeaderExtensions ext = packet.extensions();
    assertFalse(ext.isTwoByte());
    assertTrue(ext.next());
    assertEquals(2, ext.id());
    assertEquals(17, ext.offset());
    assertEquals(3, ext.length());
    assertEquals(0x0c3a94, AbsSendTime.parse(CHROME_VP8, ext.offset(), ext.length()).value());
    assertTrue(ext.next());
    assertEquals(3, ext.id());
    assertEquals(
        258, TransportSequenceNumber.parse(CHROME_VP8, ext.offset(), ext.length()).value());
    assertTrue(ext.next());
    assertEquals(4, ext.id());
    assertEquals(new Mid("0"), Mid.parse(CHROME_VP8, ext.offset(), ext.length()));
    assertFalse(ext.next(), "the two padding bytes are no element");
    assertFalse(ext.next());
  }

  @Test
  void findsAnElementById() throws ParseException {
    packet.wrap(CHROME_VP8, 0, CHROME_VP8.length);
    HeaderExtensions ext = packet.extensions();
    assertTrue(ext.find(4));
    assertEquals(1, ext.length());
    assertTrue(ext.find(2), "find rewinds first");
    assertEquals(3, ext.length());
    assertFalse(ext.find(7));
  }

  @Test
  void readsCsrcsAndAPacketInsideALargerArray() throws ParseException {
    byte[] bytes =
        Hex.bytes(
            "ffff" // not the packet
                + "82 08 0001" // V=2 CC=2; M=0 PT=8 (PCMA); sequence number 1
                + "00000000" // timestamp 0
                + "ffffffff" // SSRC 2^32 - 1
                + "00000011 80000022" // CSRCs
                + "d5d5d5" // payload
                + "eeee"); // not the packet
    packet.wrap(bytes, 2, bytes.length - 4);
    assertEquals(2, packet.csrcCount());
    assertEquals(0x11, packet.csrc(0));
    assertEquals(0x80000022L, packet.csrc(1));
    assertThrows(IndexOutOfBoundsException.class, () -> packet.csrc(2));
    assertEquals(0xFFFFFFFFL, packet.ssrc());
    assertEquals(2 + 20, packet.payloadOffset());
    assertEquals(3, packet.payloadLength());
    assertEquals(2, packet.offset());
    assertEquals(23, packet.length());
    assertEquals(-1, packet.extensionProfile());
    assertEquals(0, packet.extensionCount());
    assertFalse(packet.extensions().next());
  }

  @Test
  void paddingIsCountedByItsLastByteAndLeftOutOfThePayload() throws ParseException {
    byte[] bytes =
        Hex.bytes(
            "a0 6f 0002 00000003 00000004" // V=2 P=1; PT=111; seq 2, ts 3, SSRC 4
                + "0102" // payload
                + "000000 04"); // RFC 3550 §5.1: 4 bytes of padding, the count included
    packet.wrap(bytes, 0, bytes.length);
    assertTrue(packet.hasPadding());
    assertEquals(4, packet.paddingLength());
    assertEquals(2, packet.payloadLength());
  }

  @Test
  void aPaddingOnlyPacketHasAnEmptyPayload() throws ParseException {
    // The probe packets a sender pads its bandwidth with: no payload, 255 bytes of padding.
    byte[] bytes = new byte[12 + 255];
    bytes[0] = (byte) 0xa0;
    bytes[1] = 127;
    bytes[bytes.length - 1] = (byte) 255;
    packet.wrap(bytes, 0, bytes.length);
    assertEquals(0, packet.payloadLength());
    assertEquals(255, packet.paddingLength());
  }

  @Test
  void refusesAZeroPaddingCount() {
    byte[] bytes = Hex.bytes("a0 60 0001 00000000 00000001 0102 00");
    ParseException e = assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, 15));
    assertEquals(14, e.offset());
    assertFalse(packet.isWrapped());
    assertThrows(IllegalStateException.class, packet::sequenceNumber);
  }

  @Test
  void refusesPaddingLongerThanWhatFollowsTheHeader() {
    byte[] bytes = Hex.bytes("a0 60 0001 00000000 00000001 0102 04");
    assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, bytes.length));
  }

  @Test
  void refusesVersionsOtherThanTwo() {
    for (int version : new int[] {0, 1, 3}) {
      byte[] bytes = CHROME_VP8.clone();
      bytes[0] = (byte) ((bytes[0] & 0x3F) | version << 6);
      ParseException e =
          assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, bytes.length));
      assertEquals(0, e.offset());
    }
  }

  @Test
  void everyTruncationIsEitherAPacketOrAParseException() {
    byte[] withPadding =
        Hex.bytes("b1 60 0001 00000002 00000003 00000004 bede0001 10ff 0000 aabb 0002");
    for (byte[] original : new byte[][] {CHROME_VP8, withPadding}) {
      int header = original == CHROME_VP8 ? 28 : 24;
      for (int length = 0; length < original.length; length++) {
        byte[] cut = Arrays.copyOf(original, length);
        try {
          packet.wrap(cut, 0, length);
          assertTrue(length >= header, "a packet cut inside its header parsed: " + length);
          assertEquals(
              length,
              packet.headerLength() + packet.payloadLength() + packet.paddingLength(),
              "length " + length);
        } catch (ParseException expected) {
          assertFalse(packet.isWrapped());
        }
      }
    }
  }

  @Test
  void refusesAnElementThatOverrunsItsBlock() {
    byte[] bytes =
        Hex.bytes(
            "90 60 0001 00000002 00000003"
                + "bede 0001" // one word of elements
                + "23 010203"); // id 2, L=3 (4 bytes): needs one more byte than the block has
    ParseException e =
        assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, bytes.length));
    assertEquals(16, e.offset());
  }

  @Test
  void refusesAnExtensionThatOverrunsThePacket() {
    byte[] bytes = Hex.bytes("90 60 0001 00000002 00000003 bede 0002 10ff 0000");
    assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, bytes.length));
    byte[] noRoomForTheHeader = Hex.bytes("90 60 0001 00000002 00000003 bede");
    assertThrows(
        ParseException.class, () -> packet.wrap(noRoomForTheHeader, 0, noRoomForTheHeader.length));
  }

  @Test
  void refusesACsrcListThatOverrunsThePacket() {
    byte[] bytes = Hex.bytes("83 60 0001 00000002 00000003 00000001 00000002");
    assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, bytes.length));
  }

  @Test
  void oneByteIdFifteenEndsTheBlock() throws ParseException {
    byte[] bytes =
        Hex.bytes(
            "90 60 0001 00000002 00000003"
                + "bede 0002"
                + "10 aa" // id 1, 1 byte
                + "00" // a padding byte between elements (RFC 8285 §4.2)
                + "21 bbcc" // id 2, 2 bytes
                + "ff" // id 15: stop here, whatever its length says
                + "1f"); // would be id 1 with 16 bytes, which the block does not have
    packet.wrap(bytes, 0, bytes.length);
    assertEquals(2, packet.extensionCount());
    HeaderExtensions ext = packet.extensions();
    assertTrue(ext.next());
    assertEquals(1, ext.id());
    assertTrue(ext.next());
    assertEquals(2, ext.id());
    assertEquals(2, ext.length());
    assertFalse(ext.next());
  }

  @Test
  void readsTwoByteElementsIncludingLowIdsAndEmptyOnes() throws ParseException {
    // RFC 8285 §4.3 with a=extmap-allow-mixed (§6): ids 1-14 may use the two-byte form too.
    byte[] bytes =
        Hex.bytes(
            "90 60 0001 00000002 00000003"
                + "1005 0003" // two-byte profile 0x100, appbits 5; 3 words
                + "03 02 0102" // id 3, 2 bytes: a transport-wide sequence number
                + "00" // padding between elements
                + "10 00" // id 16, no data (only the two-byte form allows it)
                + "ff 02 abcd" // id 255, 2 bytes
                + "00" // padding to the boundary
                + "5555"); // payload
    packet.wrap(bytes, 0, bytes.length);
    assertEquals(0x1005, packet.extensionProfile());
    assertEquals(3, packet.extensionCount());
    HeaderExtensions ext = packet.extensions();
    assertTrue(ext.isTwoByte());
    assertTrue(ext.next());
    assertEquals(3, ext.id());
    assertEquals(258, TransportSequenceNumber.parse(bytes, ext.offset(), ext.length()).value());
    assertTrue(ext.next());
    assertEquals(16, ext.id());
    assertEquals(0, ext.length());
    assertTrue(ext.next());
    assertEquals(255, ext.id());
    assertEquals(2, ext.length());
    assertEquals((byte) 0xab, bytes[ext.offset()]);
    assertFalse(ext.next());
    assertEquals(2, packet.payloadLength());
  }

  @Test
  void refusesATwoByteElementWithoutRoomForItsLength() {
    byte[] bytes = Hex.bytes("90 60 0001 00000002 00000003 1000 0001 000000 07");
    assertThrows(ParseException.class, () -> packet.wrap(bytes, 0, bytes.length));
  }

  @Test
  void anotherProfileHasNoElementsButKeepsItsBytes() throws ParseException {
    byte[] bytes = Hex.bytes("90 60 0001 00000002 00000003 abcd 0001 11223344 99");
    packet.wrap(bytes, 0, bytes.length);
    assertEquals(0xabcd, packet.extensionProfile());
    assertEquals(0, packet.extensionCount());
    assertEquals(4, packet.extensionLength());
    assertFalse(packet.extensions().next());
    assertEquals(1, packet.payloadLength());
  }

  @Test
  void setsFieldsInPlace() throws ParseException {
    byte[] bytes = CHROME_VP8.clone();
    packet.wrap(bytes, 0, bytes.length);
    packet.setMarker(false);
    packet.setPayloadType(97);
    packet.setSequenceNumber(65535);
    packet.setTimestamp(0xFFFFFFFFL);
    packet.setSsrc(7);
    packet.wrap(bytes, 0, bytes.length);
    assertFalse(packet.marker());
    assertEquals(97, packet.payloadType());
    assertEquals(65535, packet.sequenceNumber());
    assertEquals(0xFFFFFFFFL, packet.timestamp());
    assertEquals(7, packet.ssrc());
    assertTrue(packet.hasExtension());
    assertEquals(3, packet.extensionCount());
    assertArrayEquals(
        Arrays.copyOfRange(CHROME_VP8, 12, CHROME_VP8.length),
        Arrays.copyOfRange(bytes, 12, bytes.length));
    assertThrows(IllegalArgumentException.class, () -> packet.setPayloadType(128));
    assertThrows(IllegalArgumentException.class, () -> packet.setSequenceNumber(65536));
    assertThrows(IllegalArgumentException.class, () -> packet.setSsrc(-1));
  }

  @Test
  void accessorsNeedAWrappedPacket() {
    assertFalse(packet.isWrapped());
    assertThrows(IllegalStateException.class, packet::payloadType);
    assertThrows(IllegalStateException.class, packet::extensions);
    assertEquals("RtpPacket[none]", packet.toString());
  }

  @Test
  void tellsRtpFromRtcpOnASharedPort() {
    assertTrue(RtpPacket.looksLikeRtp(CHROME_VP8, 0, CHROME_VP8.length));
    byte[] receiverReport = Hex.bytes("80 c9 0001 00000001"); // RFC 5761 §4: PT 201 is 73 + M
    assertFalse(RtpPacket.looksLikeRtp(receiverReport, 0, receiverReport.length));
    assertFalse(RtpPacket.looksLikeRtp(CHROME_VP8, 0, 11));
  }
}
