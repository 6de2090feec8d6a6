package org.rtc4j.rtp;

import java.util.HexFormat;

/** Hand-written packet bytes in tests: hex digits, with spaces between fields for the reader. */
public final class Hex {
  private Hex() {}

  /** The bytes of {@code hex}, spaces ignored. */
  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  /** {@code bytes} as hex. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
