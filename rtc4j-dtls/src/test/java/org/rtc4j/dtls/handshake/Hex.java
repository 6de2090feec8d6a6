package org.rtc4j.dtls.handshake;

import java.util.HexFormat;

/** Hex as the RFCs print it (spaces and line breaks allowed) to bytes, for test vectors. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
