package org.rtc4j.srtp.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM through the JDK's {@code AES/GCM/NoPadding} {@link Cipher}, whose AES and GHASH are
 * intrinsics (AES-NI, carry-less multiply): about three times the speed of {@link AesGcm}, but
 * every packet's {@code Cipher.init} allocates (about 950 bytes), since a GCM cipher takes a new
 * nonce only through {@code init}.
 *
 * <p>The JDK refuses to encrypt twice in a row under one key and IV, whereas SRTP may protect a
 * packet index again (a sender re-sending a packet as it was); such a packet is sealed by an {@link
 * AesGcm} made for the purpose, which gives the same bytes.
 *
 * <p>Opening decrypts into a scratch array and copies the plaintext back only once the tag is
 * right: JDK 25 decrypting in place leaves a packet whose tag was wrong changed. The scratch array
 * grows to the longest packet opened. Not thread-safe.
 */
final class JdkAesGcm implements GcmAead {
  private static final int TAG_BITS = TAG_LENGTH * 8;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private AesGcm repeats;
  private byte[] scratch = new byte[2048];

  /**
   * @param key 16 or 32 bytes (AES-128 or AES-256)
   */
  JdkAesGcm(byte[] key) {
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException(
          "an AES-GCM key for SRTP is 16 or 32 bytes: " + key.length);
    }
    this.key = new SecretKeySpec(key, "AES");
    try {
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
    }
  }

  @Override
  public void seal(
      byte[] iv,
      byte[] a,
      int aOff,
      int aLen,
      byte[] b,
      int bOff,
      int bLen,
      byte[] p,
      int off,
      int len) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv, 0, 12));
    } catch (InvalidAlgorithmParameterException e) {
      // The IV of the previous packet sealed: the JDK's guard against nonce reuse.
      if (repeats == null) {
        repeats = new AesGcm(key.getEncoded());
      }
      repeats.seal(iv, a, aOff, aLen, b, bOff, bLen, p, off, len);
      return;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    try {
      aad(a, aOff, aLen, b, bOff, bLen);
      cipher.doFinal(p, off, len, p, off);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean open(
      byte[] iv,
      byte[] a,
      int aOff,
      int aLen,
      byte[] b,
      int bOff,
      int bLen,
      byte[] p,
      int off,
      int len) {
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv, 0, 12));
      aad(a, aOff, aLen, b, bOff, bLen);
      if (scratch.length < len) {
        scratch = new byte[Math.max(len, 2 * scratch.length)];
      }
      int n = cipher.doFinal(p, off, len + TAG_LENGTH, scratch, 0);
      System.arraycopy(scratch, 0, p, off, n);
      return true;
    } catch (AEADBadTagException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private void aad(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
    if (aLen > 0) {
      cipher.updateAAD(a, aOff, aLen);
    }
    if (bLen > 0) {
      cipher.updateAAD(b, bOff, bLen);
    }
  }
}
