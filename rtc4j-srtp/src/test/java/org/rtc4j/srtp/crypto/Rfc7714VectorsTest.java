package org.rtc4j.srtp.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7714 §16 and §17: the AES-GCM SRTP and SRTCP packets, protected byte for byte and unprotected
 * back. The vectors give session keys, so the transform is built from them directly. (The RFC's §17
 * preamble prints a slightly different RTCP packet from the one its subsections protect; the
 * subsections are consistent with each other, and are used here. The §17.4 tag was also checked
 * with Python's {@code cryptography} AESGCM.)
 */
class Rfc7714VectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY_128 = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] KEY_256 =
      HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final byte[] SALT = HEX.parseHex("517569642070726f2071756f");

  /** §16: SSRC 0x5501a0b2, SEQ 0xf17b, ROC 0; "Gallia est omnis divisa in partes tres". */
  private static final String RTP =
      "8040f17b8041f8d35501a0b2"
          + "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";

  private static final String SRTP_128 =
      "8040f17b8041f8d35501a0b2f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b"
          + "36de3adf8833899d7f27beb16a9152cf765ee4390cce";
  private static final String SRTP_256 =
      "8040f17b8041f8d35501a0b232b1de78a822fe12ef9f78fa332e33aab18012389a58e2f3b50b2a0276ffae0f"
          + "1ba63799b87b7aa3db36dfffd6b0f9bb7878d7a76c13";

  /** §17: a sender report from SSRC "Mars", SRTCP index 0x5d4. */
  private static final String RTCP =
      "81c8000d4d6172734e5450314e545032525450200000042a0000e9304c756e61"
          + "deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";

  private static final String SRTCP_128 =
      "81c8000d4d61727363e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1730d6fda4ce09b46"
          + "86303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade800005d4";
  private static final String SRTCP_256 =
      "81c8000d4d617273d50ae4d1f5ce5d304ba297e47d470c282c3ece5dbffe0a50a2eaa5c1110555be8415f658"
          + "c61de0476f1b6fad1d1eb30c4446839f57ff6f6cb26ac3be800005d4";
  private static final String SRTCP_128_TAG_ONLY =
      RTCP + "841dd9683dd78ec92ae58790125f62b3" + "000005d4";
  private static final String SRTCP_256_TAG_ONLY =
      RTCP + "91db4afbfeee5a978fab4393ed2615fe" + "000005d4";

  private static final int RTCP_INDEX = 0x5d4;

  /**
   * Whether the transform uses {@link JdkAesGcm}; {@link Rfc7714VectorsJdkCipherTest} runs every
   * test with it.
   */
  boolean jdkCipher() {
    return false;
  }

  private AesGcmTransform transform(int keyBits) {
    byte[] key = keyBits == 128 ? KEY_128 : KEY_256;
    return new AesGcmTransform(key, SALT, key, SALT, jdkCipher());
  }

  /** §16.1.1 and §16.2.1: SRTP encryption and tagging. */
  @ParameterizedTest
  @ValueSource(ints = {128, 256})
  void protectsTheSrtpPacket(int keyBits) {
    byte[] rtp = HEX.parseHex(RTP);
    byte[] buffer = Arrays.copyOf(rtp, rtp.length + 16);
    int n = transform(keyBits).protectRtp(buffer, 0, 12, rtp.length, 0xf17b);
    assertEquals(rtp.length + 16, n);
    assertEquals(keyBits == 128 ? SRTP_128 : SRTP_256, HEX.formatHex(buffer));
  }

  /** §16.1.2 and §16.2.2: SRTP verification and decryption, at an offset in a larger array. */
  @ParameterizedTest
  @ValueSource(ints = {128, 256})
  void unprotectsTheSrtpPacket(int keyBits) {
    byte[] srtp = HEX.parseHex(keyBits == 128 ? SRTP_128 : SRTP_256);
    byte[] buffer = new byte[srtp.length + 7];
    System.arraycopy(srtp, 0, buffer, 3, srtp.length);
    int n = transform(keyBits).unprotectRtp(buffer, 3, 12, srtp.length, 0xf17b);
    assertEquals(RTP, HEX.formatHex(Arrays.copyOfRange(buffer, 3, 3 + n)));
  }

  /** §17.1 and §17.2: SRTCP encryption and tagging, E flag set. */
  @ParameterizedTest
  @ValueSource(ints = {128, 256})
  void protectsTheSrtcpPacket(int keyBits) {
    byte[] rtcp = HEX.parseHex(RTCP);
    byte[] buffer = Arrays.copyOf(rtcp, rtcp.length + 20);
    int n = transform(keyBits).protectRtcp(buffer, 0, rtcp.length, RTCP_INDEX);
    assertEquals(rtcp.length + 20, n);
    assertEquals(keyBits == 128 ? SRTCP_128 : SRTCP_256, HEX.formatHex(buffer));
  }

  /** §17.1 to §17.4 the other way: encrypted, and tagged only (E = 0). */
  @ParameterizedTest
  @ValueSource(strings = {"128 encrypted", "256 encrypted", "128 tag-only", "256 tag-only"})
  void unprotectsTheSrtcpPackets(String which) {
    int keyBits = which.startsWith("128") ? 128 : 256;
    String packet =
        which.endsWith("encrypted")
            ? (keyBits == 128 ? SRTCP_128 : SRTCP_256)
            : (keyBits == 128 ? SRTCP_128_TAG_ONLY : SRTCP_256_TAG_ONLY);
    byte[] buffer = HEX.parseHex(packet);
    AesGcmTransform transform = transform(keyBits);
    assertEquals(buffer.length - 4, transform.rtcpIndexPosition(buffer.length));
    int n = transform.unprotectRtcp(buffer, 0, buffer.length);
    assertEquals(RTCP, HEX.formatHex(Arrays.copyOf(buffer, n)));
  }

  /** A flipped bit anywhere, header, body, tag or index, fails and leaves the packet as it was. */
  @ParameterizedTest
  @ValueSource(ints = {0, 5, 12, 40, 55, 60})
  void refusesATamperedSrtpPacketAndLeavesItAlone(int at) {
    byte[] buffer = HEX.parseHex(SRTP_128);
    buffer[at] ^= 0x10;
    byte[] tampered = buffer.clone();
    assertEquals(-1, transform(128).unprotectRtp(buffer, 0, 12, buffer.length, 0xf17b));
    assertArrayEquals(tampered, buffer);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 8, 50, 60, 71})
  void refusesATamperedSrtcpPacket(int at) {
    byte[] buffer = HEX.parseHex(SRTCP_128);
    buffer[at] ^= 0x01;
    assertEquals(-1, transform(128).unprotectRtcp(buffer, 0, buffer.length));
  }

  @ParameterizedTest
  @ValueSource(ints = {0xf17a, 0x1f17b})
  void refusesTheSrtpPacketUnderAnotherIndex(long index) {
    byte[] buffer = HEX.parseHex(SRTP_128);
    assertEquals(-1, transform(128).unprotectRtp(buffer, 0, 12, buffer.length, index));
  }
}
