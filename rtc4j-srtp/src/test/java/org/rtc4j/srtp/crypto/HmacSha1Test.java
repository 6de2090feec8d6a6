package org.rtc4j.srtp.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacSha1Test {
  private static final HexFormat HEX = HexFormat.of();

  /** RFC 2202 §3, test case 2. */
  @Test
  void computesTheRfc2202Vector() {
    HmacSha1 mac = new HmacSha1("Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] data =
        "what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] out = new byte[24];
    mac.update(data, 0, data.length);
    mac.finish(out, 2);
    assertArrayEquals(
        HEX.parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"), Arrays.copyOfRange(out, 2, 22));
  }

  @Test
  void matchesTheJdksMacMessageAfterMessage() throws Exception {
    SplittableRandom random = new SplittableRandom(3);
    byte[] key = AesCounterTest.bytes(random, 20);
    HmacSha1 mac = new HmacSha1(key);
    Mac jdk = Mac.getInstance("HmacSHA1");
    jdk.init(new SecretKeySpec(key, "HmacSHA1"));
    for (int i = 0; i < 50; i++) {
      byte[] data = AesCounterTest.bytes(random, random.nextInt(2000));
      int cut = random.nextInt(data.length + 1);
      mac.update(data, 0, cut);
      mac.update(data, cut, data.length - cut);
      byte[] out = new byte[20];
      mac.finish(out, 0);
      assertArrayEquals(jdk.doFinal(data), out);
    }
  }
}
