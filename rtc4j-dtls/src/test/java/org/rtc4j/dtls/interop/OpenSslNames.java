package org.rtc4j.dtls.interop;

import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.SrtpProfile;

/** OpenSSL's names for rtc4j's cipher suites and SRTP profiles, for its command-line options. */
public final class OpenSslNames {
  private OpenSslNames() {}

  /** The name {@code -use_srtp} takes, such as {@code SRTP_AES128_CM_SHA1_80}. */
  public static String srtpProfile(SrtpProfile profile) {
    return switch (profile) {
      case AES128_CM_HMAC_SHA1_80 -> "SRTP_AES128_CM_SHA1_80";
      case AES128_CM_HMAC_SHA1_32 -> "SRTP_AES128_CM_SHA1_32";
      case AEAD_AES_128_GCM -> "SRTP_AEAD_AES_128_GCM";
      case AEAD_AES_256_GCM -> "SRTP_AEAD_AES_256_GCM";
    };
  }

  /** The name {@code -cipher} takes, such as {@code ECDHE-ECDSA-AES128-GCM-SHA256}. */
  public static String cipher(CipherSuite suite) {
    return switch (suite) {
      case TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 -> "ECDHE-ECDSA-AES128-GCM-SHA256";
      case TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 -> "ECDHE-ECDSA-AES256-GCM-SHA384";
      case TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 -> "ECDHE-RSA-AES128-GCM-SHA256";
      case TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 -> "ECDHE-RSA-AES256-GCM-SHA384";
      case TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 -> "ECDHE-ECDSA-CHACHA20-POLY1305";
    };
  }

  /** The number of bytes of SRTP keying material the profile needs: 2 * (key + salt). */
  public static int keyingMaterialLength(SrtpProfile profile) {
    return 2 * (profile.keyLength() + profile.saltLength()); // RFC 5764 §4.2
  }
}
