package org.rtc4j.dtls;

/**
 * The DTLS 1.2 cipher suites rtc4j speaks: ephemeral ECDH key exchange, an ECDSA or RSA
 * certificate, and AEAD record protection (RFC 5289, RFC 7905).
 */
public enum CipherSuite {
  /** 0xC02B, what browsers pick first. */
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, true, 16, 4, 8, "SHA-256"),
  /** 0xC02C. */
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, true, 32, 4, 8, "SHA-384"),
  /** 0xC02F. */
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, false, 16, 4, 8, "SHA-256"),
  /** 0xC030. */
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, false, 32, 4, 8, "SHA-384"),
  /** 0xCCA9 (RFC 7905): the nonce is the IV XOR the record's epoch and sequence number. */
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, true, 32, 12, 0, "SHA-256");

  private final int id;
  private final boolean ecdsa;
  private final int keyLength;
  private final int fixedIvLength;
  private final int explicitNonceLength;
  private final String digest;

  CipherSuite(
      int id,
      boolean ecdsa,
      int keyLength,
      int fixedIvLength,
      int explicitNonceLength,
      String digest) {
    this.id = id;
    this.ecdsa = ecdsa;
    this.keyLength = keyLength;
    this.fixedIvLength = fixedIvLength;
    this.explicitNonceLength = explicitNonceLength;
    this.digest = digest;
  }

  /** The suite's code point on the wire. */
  public int id() {
    return id;
  }

  /** Whether the server authenticates with an ECDSA certificate; otherwise RSA. */
  public boolean ecdsa() {
    return ecdsa;
  }

  /** Bytes of the record encryption key. */
  public int keyLength() {
    return keyLength;
  }

  /** Bytes of the implicit IV taken from the key block: 4 for GCM, 12 for ChaCha20-Poly1305. */
  public int fixedIvLength() {
    return fixedIvLength;
  }

  /** Bytes of the nonce carried in each record: 8 for GCM, none for ChaCha20-Poly1305. */
  public int explicitNonceLength() {
    return explicitNonceLength;
  }

  /** Bytes of the AEAD tag. */
  public int tagLength() {
    return 16;
  }

  /** The JCA name of the PRF's and the handshake transcript's hash: SHA-256 or SHA-384. */
  public String digestAlgorithm() {
    return digest;
  }

  /** The JCA name of the PRF's HMAC: HmacSHA256 or HmacSHA384. */
  public String hmacAlgorithm() {
    return "Hmac" + digest.replace("-", "");
  }

  /** The suite with this code point, or {@code null} for one rtc4j does not speak. */
  public static CipherSuite fromId(int id) {
    for (CipherSuite s : values()) {
      if (s.id == id) {
        return s;
      }
    }
    return null;
  }
}
