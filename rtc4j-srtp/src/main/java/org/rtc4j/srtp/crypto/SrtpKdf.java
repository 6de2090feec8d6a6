package org.rtc4j.srtp.crypto;

/**
 * SRTP's key derivation (RFC 3711 §4.3) with the AES-CM PRF (§4.3.3), for a key derivation rate of
 * zero, the only one DTLS-SRTP uses (RFC 5764 §4.1.2 fixes it at zero): every session key is
 * derived once, from index 0, and never again.
 *
 * <p>For the GCM profiles, whose master salt is 12 bytes, the salt is zero-padded on the right to
 * the 14 bytes the PRF works on (RFC 7714 §11), as libsrtp does.
 */
public final class SrtpKdf {
  /** RFC 3711 §4.3.1: the labels of the six session keys. */
  public static final int SRTP_ENCRYPTION = 0x00;

  /** RFC 3711 §4.3.1. */
  public static final int SRTP_AUTHENTICATION = 0x01;

  /** RFC 3711 §4.3.1. */
  public static final int SRTP_SALT = 0x02;

  /** RFC 3711 §4.3.2. */
  public static final int SRTCP_ENCRYPTION = 0x03;

  /** RFC 3711 §4.3.2. */
  public static final int SRTCP_AUTHENTICATION = 0x04;

  /** RFC 3711 §4.3.2. */
  public static final int SRTCP_SALT = 0x05;

  private final AesCounter prf;
  private final byte[] salt = new byte[14];

  /**
   * @param masterKey 16 or 32 bytes
   * @param masterSalt 14 bytes (AES-CM profiles) or 12 (AES-GCM profiles)
   */
  public SrtpKdf(byte[] masterKey, byte[] masterSalt) {
    if (masterSalt.length != 14 && masterSalt.length != 12) {
      throw new IllegalArgumentException(
          "a master salt is 14 or 12 bytes, not " + masterSalt.length);
    }
    prf = new AesCounter(masterKey);
    System.arraycopy(masterSalt, 0, salt, 0, masterSalt.length);
  }

  /**
   * The session key with {@code label}, {@code length} bytes: PRF_n(k_master, x) with x = key_id
   * XOR master_salt, key_id = label || (index DIV kdr) = label || 0^48 (RFC 3711 §4.3.1), and the
   * PRF the AES-CM keystream from IV = x·2^16 (§4.3.3).
   */
  public byte[] derive(int label, int length) {
    byte[] iv = new byte[16];
    System.arraycopy(salt, 0, iv, 0, 14);
    // key_id is 7 bytes, right-aligned against the 14-byte salt: the label is byte 7.
    iv[7] ^= (byte) label;
    byte[] out = new byte[length];
    prf.xorKeystream(iv, out, 0, length);
    return out;
  }
}
