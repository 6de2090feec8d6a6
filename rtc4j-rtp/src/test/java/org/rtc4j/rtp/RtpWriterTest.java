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
import org.rtc4j.rtp.extension.RtpStreamId;
import org.rtc4j.rtp.extension.TransportSequenceNumber;

class RtpWriterTest {
  private final RtpWriter writer = new RtpWriter();
  private final RtpPacket packet = new RtpPacket();
  private final byte[] buffer = new byte[1500];

  @Test
  void writesChromesVp8PacketByteForByte() {
    byte[] payload = Hex.bytes("9001 9d01 2a");
    int length =
        writer
            .start(buffer, 0, buffer.length)
            .marker(true)
            .payloadType(96)
            .sequenceNumber(8000)
            .timestamp(123456)
            .ssrc(0x1a2b3c4dL)
            .extension(2, new AbsSendTime(0x0c3a94))
            .extension(3, new TransportSequenceNumber(258))
            .extension(4, new Mid("0"))
            .payload(payload, 0, payload.length)
            .finish();
    assertArrayEquals(RtpPacketTest.CHROME_VP8, Arrays.copyOf(buffer, length));
  }

  @Test
  void rewritesAParsedPacketByteForByte() throws ParseException {
    byte[] original = RtpPacketTest.CHROME_VP8;
    packet.wrap(original, 0, original.length);
    assertArrayEquals(original, Rewrite.of(packet));
  }

  @Test
  void writesCsrcsAndPadding() throws ParseException {
    byte[] payload = {1, 2, 3};
    int length =
        writer
            .start(buffer, 5, 100)
            .payloadType(0)
            .sequenceNumber(65535)
            .timestamp(0xFFFFFFFFL)
            .ssrc(1)
            .csrc(0x11)
            .csrc(0xFFFFFFFFL)
            .payload(payload, 0, 3)
            .padding(5)
            .finish();
    assertEquals(12 + 8 + 3 + 5, length);
    assertEquals(
        "a2 00 ffff ffffffff 00000001 00000011 ffffffff 010203 00000000 05".replace(" ", ""),
        Hex.hex(Arrays.copyOfRange(buffer, 5, 5 + length)));
    packet.wrap(buffer, 5, length);
    assertEquals(2, packet.csrcCount());
    assertEquals(0xFFFFFFFFL, packet.csrc(1));
    assertEquals(3, packet.payloadLength());
    assertEquals(5, packet.paddingLength());
  }

  @Test
  void switchesToTwoByteHeadersWhenAnElementNeedsThem() throws ParseException {
    int length =
        writer
            .start(buffer, 0, buffer.length)
            .extension(1, new byte[] {(byte) 0xaa}, 0, 1)
            .extension(2, new byte[] {1, 2, 3}, 0, 3)
            .extension(3, new byte[16], 0, 16)
            .extension(20, new byte[] {9}, 0, 1) // id 20: the one-byte form stops at 14
            .extension(5, new byte[0], 0, 0) // empty data: two-byte form only
            .payload(new byte[] {7}, 0, 1)
            .finish();
    packet.wrap(buffer, 0, length);
    assertEquals(HeaderExtensions.TWO_BYTE_PROFILE, packet.extensionProfile());
    HeaderExtensions ext = packet.extensions();
    int[][] expected = {{1, 1}, {2, 3}, {3, 16}, {20, 1}, {5, 0}};
    for (int[] element : expected) {
      assertTrue(ext.next());
      assertEquals(element[0], ext.id());
      assertEquals(element[1], ext.length());
    }
    assertFalse(ext.next());
    assertTrue(ext.find(1));
    assertEquals((byte) 0xaa, buffer[ext.offset()]);
    assertTrue(ext.find(2));
    assertArrayEquals(
        new byte[] {1, 2, 3}, Arrays.copyOfRange(buffer, ext.offset(), ext.offset() + 3));
    assertTrue(ext.find(20));
    assertEquals(9, buffer[ext.offset()]);
    assertEquals(1, packet.payloadLength());
    assertEquals(7, buffer[packet.payloadOffset()]);
    // (2+1) + (2+3) + (2+16) + (2+1) + 2 = 31 bytes, padded to 32
    assertEquals(32, packet.extensionLength());
  }

  @Test
  void writesTwoByteHeadersForLowIdsWhenAsked() throws ParseException {
    // a=extmap-allow-mixed (RFC 8285 §6): ids 1-14 in a two-byte block.
    int length =
        writer
            .start(buffer, 0, buffer.length)
            .twoByteExtensions(3)
            .extension(1, new RtpStreamId("h"))
            .extension(14, new TransportSequenceNumber(7))
            .finish();
    assertEquals(
        "90 00 0000 00000000 00000000 1003 0002 01 01 68 0e 02 0007 00".replace(" ", ""),
        Hex.hex(Arrays.copyOf(buffer, length)));
    packet.wrap(buffer, 0, length);
    assertTrue(packet.extensions().isTwoByte());
    assertEquals(2, packet.extensionCount());
    assertEquals(0, packet.payloadLength());
  }

  @Test
  void reservesRoomForAPayloadAndAnElementTheCallerWrites() throws ParseException {
    writer.start(buffer, 0, buffer.length).sequenceNumber(1);
    int element = writer.reserveExtension(3, 2);
    buffer[element] = 0x12;
    buffer[element + 1] = 0x34;
    int at = writer.reservePayload(1000);
    Arrays.fill(buffer, at, at + 1000, (byte) 0x5a);
    int length = writer.finish();
    assertEquals(12 + 4 + 4 + 1000, length);
    packet.wrap(buffer, 0, length);
    assertEquals(at, packet.payloadOffset());
    assertEquals(1000, packet.payloadLength());
    assertTrue(packet.extensions().find(3));
    assertEquals(0x1234, TransportSequenceNumber.parse(buffer, element, 2).value());
  }

  @Test
  void writesARawExtensionBlockOfAnotherProfile() throws ParseException {
    byte[] data = Hex.bytes("11223344 55667788");
    int length = writer.start(buffer, 0, buffer.length).extensionBlock(0xabcd, data, 0, 8).finish();
    packet.wrap(buffer, 0, length);
    assertEquals(0xabcd, packet.extensionProfile());
    assertEquals(8, packet.extensionLength());
    assertEquals(0, packet.extensionCount());
  }

  @Test
  void refusesStepsOutOfOrder() {
    assertThrows(IllegalStateException.class, () -> writer.payloadType(1));
    assertThrows(IllegalStateException.class, writer::finish);
    writer.start(buffer, 0, buffer.length).extension(1, new Mid("a"));
    assertThrows(IllegalStateException.class, () -> writer.csrc(1));
    assertThrows(IllegalStateException.class, () -> writer.twoByteExtensions(0));
    writer.payload(new byte[1], 0, 1);
    assertThrows(IllegalStateException.class, () -> writer.extension(2, new Mid("b")));
    writer.padding(1);
    assertThrows(IllegalStateException.class, () -> writer.payload(new byte[1], 0, 1));
    assertThrows(IllegalStateException.class, () -> writer.padding(1));
    writer.finish();
    assertThrows(IllegalStateException.class, writer::finish);
  }

  @Test
  void refusesValuesOutsideTheirFields() {
    writer.start(buffer, 0, buffer.length);
    assertThrows(IllegalArgumentException.class, () -> writer.payloadType(128));
    assertThrows(IllegalArgumentException.class, () -> writer.sequenceNumber(-1));
    assertThrows(IllegalArgumentException.class, () -> writer.timestamp(1L << 32));
    assertThrows(IllegalArgumentException.class, () -> writer.ssrc(-1));
    assertThrows(IllegalArgumentException.class, () -> writer.extension(0, new Mid("a")));
    assertThrows(IllegalArgumentException.class, () -> writer.extension(256, new Mid("a")));
    assertThrows(IllegalArgumentException.class, () -> writer.reserveExtension(1, 256));
    assertThrows(IllegalArgumentException.class, () -> writer.padding(0));
    assertThrows(IllegalArgumentException.class, () -> writer.twoByteExtensions(16));
    for (int i = 0; i < 15; i++) {
      writer.csrc(i);
    }
    assertThrows(IllegalStateException.class, () -> writer.csrc(15));
  }

  @Test
  void refusesToWritePastItsRegion() {
    writer.start(buffer, 0, 20);
    assertThrows(IllegalStateException.class, () -> writer.payload(new byte[9], 0, 9));
    assertThrows(IllegalArgumentException.class, () -> writer.start(buffer, 0, 11));
    assertThrows(IndexOutOfBoundsException.class, () -> writer.start(buffer, 1490, 20));
  }
}
