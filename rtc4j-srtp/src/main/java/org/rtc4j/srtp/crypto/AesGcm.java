package org.rtc4j.srtp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * AES-GCM with a 12-byte IV and a 16-byte tag (NIST SP 800-38D, as RFC 7714 uses it), one key,
 * driven step by step so that SRTP and SRTCP can feed their scattered AAD in place: {@link #start},
 * then {@link #aad} any number of times, then {@link #ciphertext} over the ciphertext (after
 * encrypting, before decrypting), then {@link #tag} or {@link #verify}; {@link #crypt} encrypts or
 * decrypts; {@link #seal} and {@link #open} do a whole packet. Allocates nothing after
 * construction. Not thread-safe.
 */
public final class AesGcm implements GcmAead {
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final AesCounter aes;
  private final Ghash ghash;

  /** J0 = IV || 0^31 || 1, then the first counter block for the plaintext, inc32(J0). */
  private final byte[] counter = new byte[16];

  /** E(K, J0), which masks the tag. */
  private final byte[] tagMask = new byte[16];

  private final byte[] computed = new byte[16];
  private long aadLength;
  private long textLength;

  /**
   * @param key 16 or 32 bytes (AES-128 or AES-256)
   */
  public AesGcm(byte[] key) {
    aes = new AesCounter(key);
    byte[] h = new byte[16];
    aes.encryptBlock(h, 0, h, 0);
    ghash = new Ghash(h, 0);
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
    begin(iv, a, aOff, aLen, b, bOff, bLen);
    crypt(p, off, len);
    ciphertext(p, off, len);
    tag(p, off + len);
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
    begin(iv, a, aOff, aLen, b, bOff, bLen);
    ciphertext(p, off, len);
    if (!verify(p, off + len)) {
      return false;
    }
    crypt(p, off, len);
    return true;
  }

  /** {@link #start} under {@code iv[0..12)}, then the AAD's two pieces. */
  private void begin(byte[] iv, byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
    start(iv, 0);
    aad(a, aOff, aLen);
    aad(b, bOff, bLen);
  }

  /** Starts a packet under the 12-byte IV at {@code iv[off..off+12)}. */
  public void start(byte[] iv, int off) {
    System.arraycopy(iv, off, counter, 0, 12);
    INT.set(counter, 12, 1);
    aes.encryptBlock(counter, 0, tagMask, 0);
    INT.set(counter, 12, 2);
    ghash.reset();
    aadLength = 0;
    textLength = 0;
  }

  /** Adds {@code data[off..off+len)} to the additional authenticated data. */
  public void aad(byte[] data, int off, int len) {
    ghash.update(data, off, len);
    aadLength += len;
  }

  /** Hashes the ciphertext {@code data[off..off+len)}; the AAD ends before it. */
  public void ciphertext(byte[] data, int off, int len) {
    if (textLength == 0) {
      ghash.pad();
    }
    ghash.update(data, off, len);
    textLength += len;
  }

  /** Encrypts or decrypts {@code data[off..off+len)} in place with the packet's keystream. */
  public void crypt(byte[] data, int off, int len) {
    aes.xorKeystream(counter, data, off, len);
  }

  /** Writes the 16-byte tag to {@code out[off..)}. */
  public void tag(byte[] out, int off) {
    finish();
    System.arraycopy(computed, 0, out, off, TAG_LENGTH);
  }

  /** Whether the 16 bytes at {@code data[off..)} are the tag, compared in constant time. */
  public boolean verify(byte[] data, int off) {
    finish();
    return ConstantTime.equals(computed, 0, data, off, TAG_LENGTH);
  }

  private void finish() {
    ghash.lengths(aadLength, textLength);
    ghash.digest(computed, 0);
    for (int i = 0; i < 16; i++) {
      computed[i] ^= tagMask[i];
    }
  }
}
