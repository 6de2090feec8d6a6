package org.rtc4j.srtp.crypto;

/** Comparison whose time does not depend on where two byte strings differ. */
public final class ConstantTime {
  private ConstantTime() {}

  /**
   * Whether {@code a[aOff..+len)} equals {@code b[bOff..+len)}, in time that depends on len only.
   */
  public static boolean equals(byte[] a, int aOff, byte[] b, int bOff, int len) {
    int diff = 0;
    for (int i = 0; i < len; i++) {
      diff |= a[aOff + i] ^ b[bOff + i];
    }
    return diff == 0;
  }
}
