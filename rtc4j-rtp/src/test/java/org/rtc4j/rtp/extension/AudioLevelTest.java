package org.rtc4j.rtp.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;

class AudioLevelTest {
  @Test
  void readsTheVoiceBitAndTheLevel() throws ParseException {
    // RFC 6464 §3: V=1, level 0x2a (42 -dBov).
    assertEquals(new AudioLevel(true, 42), AudioLevel.parse(new byte[] {(byte) 0xaa}, 0, 1));
    assertEquals(new AudioLevel(false, 127), AudioLevel.parse(new byte[] {0x7f}, 0, 1));
  }

  @Test
  void roundTrips() throws ParseException {
    for (int level = 0; level <= 127; level++) {
      for (boolean voice : new boolean[] {false, true}) {
        AudioLevel value = new AudioLevel(voice, level);
        byte[] out = new byte[1];
        value.write(out, 0);
        assertEquals(value, AudioLevel.parse(out, 0, 1));
      }
    }
  }

  @Test
  void refusesOtherLengthsAndLevels() {
    assertThrows(ParseException.class, () -> AudioLevel.parse(new byte[2], 0, 2));
    assertThrows(ParseException.class, () -> AudioLevel.parse(new byte[2], 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new AudioLevel(false, 128));
  }
}
