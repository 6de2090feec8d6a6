package org.rtc4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacketClassTest {
  @Test
  void everyFirstByteGoesWhereRfc7983Says() {
    int[] counts = new int[PacketClass.values().length];
    for (int b = 0; b < 256; b++) {
      counts[PacketClass.of(new byte[] {(byte) b, 0}, 0, 2).ordinal()]++;
    }
    assertEquals(4, counts[PacketClass.STUN.ordinal()]);
    assertEquals(4, counts[PacketClass.ZRTP.ordinal()]);
    assertEquals(44, counts[PacketClass.DTLS.ordinal()]);
    assertEquals(16, counts[PacketClass.TURN_CHANNEL.ordinal()]);
    assertEquals(64, counts[PacketClass.RTP.ordinal()]);
    assertEquals(256 - 4 - 4 - 44 - 16 - 64, counts[PacketClass.UNKNOWN.ordinal()]);
  }

  @Test
  void realFirstBytes() {
    // A STUN Binding request, a DTLS handshake record, an RTP packet with PT 111 (Opus), and an
    // RTCP sender report (PT 200) and receiver report (201), all in a larger buffer.
    byte[] buf = {
      9,
      0x00,
      0x01,
      22,
      (byte) 0xFE,
      (byte) 0x80,
      111,
      (byte) 0x81,
      (byte) 200,
      (byte) 0x81,
      (byte) 201
    };
    assertEquals(PacketClass.STUN, PacketClass.of(buf, 1, 2));
    assertEquals(PacketClass.DTLS, PacketClass.of(buf, 3, 2));
    assertEquals(PacketClass.RTP, PacketClass.of(buf, 5, 2));
    assertEquals(PacketClass.RTCP, PacketClass.of(buf, 7, 2));
    assertEquals(PacketClass.RTCP, PacketClass.of(buf, 9, 2));
    // A marker bit set on RTP payload type 96 gives second byte 0xE0 = 224: still RTP.
    assertEquals(PacketClass.RTP, PacketClass.of(new byte[] {(byte) 0x80, (byte) 0xE0}, 0, 2));
  }

  @Test
  void tooShortIsUnknownAndABadRangeIsTheCallersMistake() {
    assertEquals(PacketClass.UNKNOWN, PacketClass.of(new byte[0], 0, 0));
    assertEquals(PacketClass.UNKNOWN, PacketClass.of(new byte[] {(byte) 0x80}, 0, 1));
    assertEquals(PacketClass.STUN, PacketClass.of(new byte[] {0}, 0, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> PacketClass.of(new byte[2], 1, 2));
  }
}
