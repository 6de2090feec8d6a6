package org.rtc4j.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.rtc4j.stun.attributes.PasswordAlgorithm;

/** The keys of STUN's two credential mechanisms (RFC 8489 §9). */
public final class StunCredentials {
  private StunCredentials() {}

  /**
   * The short-term key for {@code password} (RFC 8489 §9.1.1): the prepared password's UTF-8. ICE
   * uses it with the peer's ICE password.
   */
  public static byte[] shortTermKey(String password) {
    return Saslprep.prepare(password).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The long-term key (RFC 8489 §9.2.2): MD5 or SHA-256 of {@code username ":" realm ":" password},
   * with the password prepared by {@link Saslprep}.
   *
   * @param algorithm {@link PasswordAlgorithm#MD5} or {@link PasswordAlgorithm#SHA_256}
   * @throws IllegalArgumentException for another algorithm, or a password SASLprep prohibits
   */
  public static byte[] longTermKey(String username, String realm, String password, int algorithm) {
    String digest =
        switch (algorithm) {
          case PasswordAlgorithm.MD5 -> "MD5";
          case PasswordAlgorithm.SHA_256 -> "SHA-256";
          default -> throw new IllegalArgumentException("unknown password algorithm " + algorithm);
        };
    String input = username + ":" + realm + ":" + Saslprep.prepare(password);
    return digest(digest, input);
  }

  /** The MD5 long-term key, the one every TURN server supports. */
  public static byte[] longTermKey(String username, String realm, String password) {
    return longTermKey(username, realm, password, PasswordAlgorithm.MD5);
  }

  /** The USERHASH value (RFC 8489 §14.4): SHA-256 of {@code username ":" realm}. */
  public static byte[] userhash(String username, String realm) {
    return digest("SHA-256", username + ":" + realm);
  }

  private static byte[] digest(String algorithm, String input) {
    try {
      return MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JDK", e);
    }
  }
}
