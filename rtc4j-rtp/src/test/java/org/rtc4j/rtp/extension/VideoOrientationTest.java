package org.rtc4j.rtp.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

class VideoOrientationTest {
  @Test
  void readsCameraFlipAndRotation() throws ParseException {
    // 0000 C=1 F=0 R=01: back camera, not flipped, 90 degrees.
    assertEquals(new VideoOrientation(true, false, 90), parse(0x09));
    // 0000 C=0 F=1 R=11: front camera, flipped, 270 degrees.
    assertEquals(new VideoOrientation(false, true, 270), parse(0x07));
    assertEquals(new VideoOrientation(false, false, 180), parse(0xf2), "high bits ignored");
  }

  @Test
  void roundTrips() throws ParseException {
    for (int bits = 0; bits < 16; bits++) {
      VideoOrientation value = parse(bits);
      byte[] out = new byte[1];
      value.write(out, 0);
      assertEquals(bits, out[0]);
    }
  }

  @Test
  void refusesOtherLengthsAndRotations() {
    assertThrows(ParseException.class, () -> VideoOrientation.parse(new byte[2], 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new VideoOrientation(false, false, 45));
  }

  private static VideoOrientation parse(int b) throws ParseException {
    return VideoOrientation.parse(new byte[] {(byte) b}, 0, 1);
  }
}
