package org.rtc4j.srtp.crypto;

/**
 * AES-GCM with a 12-byte IV and a 16-byte tag, sealing and opening in place, with the additional
 * authenticated data in two pieces (SRTCP's AAD is its header and the E-and-index word after the
 * tag). {@link AesGcm} is the allocation-free implementation, {@link JdkAesGcm} the JDK's cipher.
 */
interface GcmAead {
  /** RFC 7714 §8: 16-octet authentication tags. */
  int TAG_LENGTH = 16;

  /**
   * Encrypts {@code p[off..off+len)} in place under {@code iv[0..12)} and writes the tag to {@code
   * p[off+len..+16)}; the AAD is {@code a[aOff..+aLen) || b[bOff..+bLen)}.
   */
  void seal(
      byte[] iv,
      byte[] a,
      int aOff,
      int aLen,
      byte[] b,
      int bOff,
      int bLen,
      byte[] p,
      int off,
      int len);

  /**
   * Checks the tag at {@code p[off+len..+16)} over the AAD and the ciphertext {@code
   * p[off..off+len)} and, if it is right, decrypts the ciphertext in place.
   *
   * @return whether the tag was right; if not, {@code p} is unchanged
   */
  boolean open(
      byte[] iv,
      byte[] a,
      int aOff,
      int aLen,
      byte[] b,
      int bOff,
      int bLen,
      byte[] p,
      int off,
      int len);
}
