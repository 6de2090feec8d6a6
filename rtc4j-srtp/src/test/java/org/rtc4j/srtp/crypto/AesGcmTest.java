package org.rtc4j.srtp.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@link AesGcm} (and so {@link Ghash}) against the JDK's AES/GCM as an oracle. */
class AesGcmTest {

  @Test
  void sealsAsTheJdkDoesForManyLengthsAndAadSplits() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 400; trial++) {
      byte[] key = AesCounterTest.bytes(random, random.nextBoolean() ? 16 : 32);
      byte[] iv = AesCounterTest.bytes(random, 12);
      byte[] aad = AesCounterTest.bytes(random, random.nextInt(trial < 200 ? 40 : 300));
      byte[] plaintext = AesCounterTest.bytes(random, random.nextInt(trial < 200 ? 70 : 3000));

      Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
      jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
      jdk.updateAAD(aad);
      byte[] expected = jdk.doFinal(plaintext);

      AesGcm gcm = new AesGcm(key);
      byte[] sealed = Arrays.copyOf(plaintext, plaintext.length + 16);
      gcm.start(iv, 0);
      // The AAD in up to three pieces, as SRTCP feeds it.
      int cut1 = aad.length == 0 ? 0 : random.nextInt(aad.length + 1);
      int cut2 = cut1 + (aad.length == cut1 ? 0 : random.nextInt(aad.length - cut1 + 1));
      gcm.aad(aad, 0, cut1);
      gcm.aad(aad, cut1, cut2 - cut1);
      gcm.aad(aad, cut2, aad.length - cut2);
      gcm.crypt(sealed, 0, plaintext.length);
      gcm.ciphertext(sealed, 0, plaintext.length);
      gcm.tag(sealed, plaintext.length);
      assertArrayEquals(expected, sealed, "trial " + trial);

      gcm.start(iv, 0);
      gcm.aad(aad, 0, aad.length);
      gcm.ciphertext(sealed, 0, plaintext.length);
      assertTrue(gcm.verify(sealed, plaintext.length));
      gcm.crypt(sealed, 0, plaintext.length);
      assertArrayEquals(plaintext, Arrays.copyOf(sealed, plaintext.length));

      int flip = random.nextInt(expected.length);
      expected[flip] ^= (byte) (1 << random.nextInt(8));
      gcm.start(iv, 0);
      gcm.aad(aad, 0, aad.length);
      gcm.ciphertext(expected, 0, plaintext.length);
      assertFalse(gcm.verify(expected, plaintext.length), "a flipped bit verified");
    }
  }
}
