package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TranscriptHashTest {
  private static final HexFormat HEX = HexFormat.of();

  // FIPS 180-2 appendix B.1 and D.1: "abc".
  private static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String SHA384_ABC =
      "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
          + "8086072ba1e7cc2358baeca134c825a7";
  private static final String SHA256_EMPTY =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void readingTheHashDoesNotEndTheTranscript() {
    TranscriptHash transcript = new TranscriptHash("SHA-256");
    assertEquals(SHA256_EMPTY, HEX.formatHex(transcript.current()));
    transcript.update(ascii("a"));
    assertEquals(
        "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
        HEX.formatHex(transcript.current()));
    transcript.update(ascii("bc"));
    assertEquals(SHA256_ABC, HEX.formatHex(transcript.current()));
    assertEquals(SHA256_ABC, HEX.formatHex(transcript.current()));
  }

  @Test
  void updatesWithARegion() {
    TranscriptHash transcript = new TranscriptHash("SHA-384");
    byte[] padded = ascii("xxabcyy");
    transcript.update(padded, 2, 3);
    assertEquals(SHA384_ABC, HEX.formatHex(transcript.current()));
    assertEquals("SHA-384", transcript.digestAlgorithm());
    assertThrows(IndexOutOfBoundsException.class, () -> transcript.update(padded, 5, 3));
    assertEquals(SHA384_ABC, HEX.formatHex(transcript.current()));
  }

  @Test
  void resetEmptiesIt() {
    TranscriptHash transcript = new TranscriptHash("SHA-256");
    transcript.update(ascii("something else"));
    transcript.reset();
    assertEquals(SHA256_EMPTY, HEX.formatHex(transcript.current()));
    transcript.update(ascii("abc"));
    assertEquals(SHA256_ABC, HEX.formatHex(transcript.current()));
  }

  @Test
  void refusesADigestTheJdkLacks() {
    assertThrows(IllegalArgumentException.class, () -> new TranscriptHash("SHA-999"));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
