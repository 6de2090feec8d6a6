package org.rtc4j.srtp;

/**
 * What computes AES-GCM for the profiles AEAD_AES_128_GCM and AEAD_AES_256_GCM (RFC 7714): the
 * choice between no garbage and speed, since the JDK's fast GCM can only be had through a {@code
 * Cipher} that must be initialised anew for each packet's nonce.
 *
 * <p>Figures for one 1200-byte packet on a 2-vCPU AMD EPYC (AES-NI, VPCLMULQDQ), JDK 17 and 25;
 * rtc4j-benchmarks' README has the runs. The CM-HMAC-SHA1 profiles are not affected.
 */
public enum GcmImplementation {
  /**
   * AES from the JDK's AES-NI intrinsic (one {@code AES/ECB} cipher per key, initialised once), and
   * GHASH in Java with 64 KiB of tables per key: nothing is allocated per packet, about 1.5–1.8 µs
   * per packet. The default.
   */
  ALLOCATION_FREE,

  /**
   * The JDK's {@code AES/GCM/NoPadding} cipher, whose AES and GHASH run as AES-NI and carry-less
   * multiply intrinsics: about 0.5–0.6 µs per packet, but each packet's {@code Cipher.init}
   * allocates about 950 bytes, which the garbage collector then reclaims. A receiver that is sent a
   * forged packet pays for an {@code AEADBadTagException}.
   */
  JDK_CIPHER
}
