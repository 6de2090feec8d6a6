package org.rtc4j.srtp.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AesCounterTest {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 3711 Appendix B.2: the AES-CM keystream segment of 65282 blocks. */
  @Test
  void makesTheRfc3711AesCmKeystream() {
    AesCounter aes = new AesCounter(HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C"));
    byte[] counter = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
    byte[] keystream = new byte[1044512];
    aes.xorKeystream(counter, keystream, 0, keystream.length);

    assertArrayEquals(
        HEX.parseHex(
            "E03EAD0935C95E80E166B16DD92B4EB4"
                + "D23513162B02D0F72A43A2FE4A5F97AB"
                + "41E95B3BB0A2E8DD477901E4FCA894C0"),
        Arrays.copyOfRange(keystream, 0, 48));
    assertArrayEquals(
        HEX.parseHex(
            "EC8CDF7398607CB0F2D21675EA9EA1E4"
                + "362B7C3C6773516318A077D7FC5073AE"
                + "6A2CC3787889374FBEB4C81B17BA6C44"),
        Arrays.copyOfRange(keystream, keystream.length - 48, keystream.length));
    assertArrayEquals(HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), counter, "unchanged");
  }

  /** Against the JDK's AES/CTR, for lengths around block and chunk boundaries, in place. */
  @Test
  void matchesTheJdksCounterMode() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    int[] lengths = {0, 1, 15, 16, 17, 100, 1200, 2047, 2048, 2049, 4096 + 5, 10000};
    for (int keyLength : new int[] {16, 32}) {
      byte[] key = bytes(random, keyLength);
      AesCounter aes = new AesCounter(key);
      for (int length : lengths) {
        byte[] counter = bytes(random, 16);
        counter[12] = 0; // no carry out of the low 32 bits, as in SRTP and GCM
        byte[] data = bytes(random, length + 9);
        byte[] expected = data.clone();
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
        ctr.doFinal(data, 5, length, expected, 5);

        aes.xorKeystream(counter, data, 5, length);
        assertArrayEquals(expected, data, "length " + length);
      }
    }
  }

  /**
   * Packets of one stream share their counter blocks' first eight bytes, which are then not written
   * again: calls of growing and shrinking lengths, at offsets near and far into their arrays (far
   * ones use the counter array as scratch), with heads that repeat and change, all match the JDK.
   */
  @Test
  void matchesTheJdkOverCallsThatShareCounterHeads() throws Exception {
    SplittableRandom random = new SplittableRandom(8);
    byte[] key = bytes(random, 16);
    AesCounter aes = new AesCounter(key);
    Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
    byte[][] heads = {bytes(random, 8), bytes(random, 8)};
    for (int call = 0; call < 300; call++) {
      byte[] counter = new byte[16];
      System.arraycopy(heads[random.nextInt(10) == 0 ? 1 : 0], 0, counter, 0, 8);
      System.arraycopy(bytes(random, 4), 0, counter, 8, 4);
      int length = random.nextInt(1500);
      int offset = random.nextInt(10) == 0 ? AesCounter.SPAN + random.nextInt(100) : 12;
      byte[] data = bytes(random, offset + length + 3);
      byte[] expected = data.clone();
      ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter));
      ctr.doFinal(data, offset, length, expected, offset);

      aes.xorKeystream(counter, data, offset, length);
      assertArrayEquals(expected, data, "call " + call);
    }
  }

  @Test
  void refusesKeysOfOtherLengths() {
    assertThrows(IllegalArgumentException.class, () -> new AesCounter(new byte[20]));
  }

  static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
