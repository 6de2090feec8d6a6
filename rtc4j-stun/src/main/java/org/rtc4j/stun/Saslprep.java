package org.rtc4j.stun;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013): how STUN's long-term credentials prepare a password before hashing it (RFC
 * 5389 §15.4, and the RFC 5769 test vectors). For the ASCII passwords almost every deployment uses,
 * it changes nothing.
 *
 * <p>Implemented: mapping (non-ASCII spaces to U+0020, "commonly mapped to nothing" characters
 * removed), NFKC normalisation, and the prohibited-output check. Not implemented: the bidi rule and
 * the unassigned-code-point check, which only matter for right-to-left passwords and for stored
 * strings.
 */
public final class Saslprep {
  private Saslprep() {}

  /**
   * Prepares {@code text}.
   *
   * @throws IllegalArgumentException if it contains a prohibited character
   */
  public static String prepare(String text) {
    StringBuilder mapped = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (isNonAsciiSpace(cp)) {
                mapped.append(' ');
              } else if (!isMappedToNothing(cp)) {
                mapped.appendCodePoint(cp);
              }
            });
    String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    normalized
        .codePoints()
        .forEach(
            cp -> {
              if (isProhibited(cp)) {
                throw new IllegalArgumentException(String.format("SASLprep prohibits U+%04X", cp));
              }
            });
    return normalized;
  }

  // RFC 3454 table C.1.2.
  private static boolean isNonAsciiSpace(int cp) {
    return cp == 0x00A0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200B)
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  // RFC 3454 table B.1.
  private static boolean isMappedToNothing(int cp) {
    return cp == 0x00AD
        || cp == 0x034F
        || cp == 0x1806
        || (cp >= 0x180B && cp <= 0x180D)
        || (cp >= 0x200C && cp <= 0x200D)
        || cp == 0x2060
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || cp == 0xFEFF;
  }

  // RFC 4013 §2.3: tables C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9 of RFC 3454.
  private static boolean isProhibited(int cp) {
    return isNonAsciiSpace(cp)
        || cp < 0x20
        || cp == 0x7F // C.2.1
        || (cp >= 0x80 && cp <= 0x9F)
        || cp == 0x06DD
        || cp == 0x070F
        || cp == 0x180E
        || (cp >= 0x200C && cp <= 0x200F)
        || (cp >= 0x2028 && cp <= 0x202E)
        || (cp >= 0x2060 && cp <= 0x2063)
        || (cp >= 0x206A && cp <= 0x206F)
        || cp == 0xFEFF
        || (cp >= 0xFFF9 && cp <= 0xFFFD)
        || (cp >= 0x1D173 && cp <= 0x1D17A) // C.2.2, C.6
        || (cp >= 0xE000 && cp <= 0xF8FF)
        || (cp >= 0xF0000 && cp <= 0xFFFFD)
        || (cp >= 0x100000 && cp <= 0x10FFFD) // C.3
        || (cp >= 0xFDD0 && cp <= 0xFDEF)
        || (cp & 0xFFFE) == 0xFFFE // C.4
        || (cp >= 0xD800 && cp <= 0xDFFF) // C.5
        || (cp >= 0x2FF0 && cp <= 0x2FFB) // C.7
        || cp == 0x0340
        || cp == 0x0341 // C.8
        || cp == 0xE0001
        || (cp >= 0xE0020 && cp <= 0xE007F); // C.9
  }
}
