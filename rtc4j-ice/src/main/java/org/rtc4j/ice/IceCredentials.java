package org.rtc4j.ice;

import java.util.Objects;
import org.rtc4j.common.RandomSource;

/**
 * An ICE username fragment and password (RFC 8445 §5.3, RFC 8839 §5.4): the ufrag has 4 to 256
 * ice-chars, the password 22 to 256.
 *
 * @param ufrag the username fragment
 * @param password the password
 */
public record IceCredentials(String ufrag, String password) {
  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /**
   * @throws IllegalArgumentException if either is too short, too long, or not ice-chars
   */
  public IceCredentials {
    check(Objects.requireNonNull(ufrag, "ufrag"), 4, "ufrag");
    check(Objects.requireNonNull(password, "password"), 22, "password");
  }

  /** Fresh random credentials: an 8-character ufrag and a 24-character password. */
  public static IceCredentials random(RandomSource random) {
    return new IceCredentials(randomChars(random, 8), randomChars(random, 24));
  }

  private static String randomChars(RandomSource random, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
    }
    return b.toString();
  }

  private static void check(String s, int min, String what) {
    if (s.length() < min || s.length() > 256) {
      throw new IllegalArgumentException(what + " must have " + min + " to 256 characters");
    }
    for (int i = 0; i < s.length(); i++) {
      if (ICE_CHARS.indexOf(s.charAt(i)) < 0) {
        throw new IllegalArgumentException(what + " must be ice-chars (A-Z a-z 0-9 + /)");
      }
    }
  }

  @Override
  public String toString() {
    return "IceCredentials[ufrag=" + ufrag + ", password=***]";
  }
}
