package org.rtc4j.dtls.record;

/** The record content types of DTLS 1.2 (RFC 5246 §6.2.1). */
public final class ContentType {
  public static final int CHANGE_CIPHER_SPEC = 20;
  public static final int ALERT = 21;
  public static final int HANDSHAKE = 22;
  public static final int APPLICATION_DATA = 23;

  private ContentType() {}

  /** Whether {@code type} is one of the four types DTLS 1.2 defines. */
  public static boolean isKnown(int type) {
    return type >= CHANGE_CIPHER_SPEC && type <= APPLICATION_DATA;
  }
}
