package org.rtc4j.dtls;

/**
 * The SRTP protection profiles negotiated by the use_srtp extension (RFC 5764 §4.1.2, RFC 7714
 * §14.2), with the key and salt lengths the exporter derives for them (RFC 5764 §4.2).
 */
public enum SrtpProfile {
  /** 0x0001. */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
  /** 0x0002. */
  AES128_CM_HMAC_SHA1_32(0x0002, 16, 14),
  /** 0x0007. */
  AEAD_AES_128_GCM(0x0007, 16, 12),
  /** 0x0008. */
  AEAD_AES_256_GCM(0x0008, 32, 12);

  private final int id;
  private final int keyLength;
  private final int saltLength;

  SrtpProfile(int id, int keyLength, int saltLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
  }

  /** The profile's code point on the wire. */
  public int id() {
    return id;
  }

  /** Bytes of each SRTP master key. */
  public int keyLength() {
    return keyLength;
  }

  /** Bytes of each SRTP master salt. */
  public int saltLength() {
    return saltLength;
  }

  /** The profile with this code point, or {@code null} for one rtc4j does not speak. */
  public static SrtpProfile fromId(int id) {
    for (SrtpProfile p : values()) {
      if (p.id == id) {
        return p;
      }
    }
    return null;
  }
}
