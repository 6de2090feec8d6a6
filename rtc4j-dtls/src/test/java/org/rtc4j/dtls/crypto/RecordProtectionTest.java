package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.rtc4j.dtls.crypto.PrfTest.counting;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.dtls.CipherSuite;

class RecordProtectionTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final long SEED = 0x5EED_D715L;

  /** Epoch 1, sequence number 5. */
  private static final long EPOCH_AND_SEQUENCE = 0x0001_0000_0000_0005L;

  private static final int APPLICATION_DATA = 23;
  private static final int DTLS_1_2 = 0xFEFD;
  private static final byte[] PLAINTEXT =
      "rtc4j: a DTLS 1.2 record".getBytes(StandardCharsets.US_ASCII);

  /**
   * Sealed with Python's {@code cryptography} (OpenSSL underneath), the nonce and additional data
   * built there from RFC 5288 §3, RFC 7905 §2 and RFC 6347 §4.1.2.1: key 20 21 .., IV a0 a1 ..,
   * epoch 1, sequence 5, application_data, DTLS 1.2.
   */
  private static String expectedSealed(CipherSuite suite) {
    switch (suite) {
      case TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256:
      case TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:
        return "0001000000000005"
            + "6c91483984aa25f0498c2db8640a4052405b2db6b08f4d6d"
            + "9baea15fe674a09edd2973025920c97a";
      case TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384:
      case TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384:
        return "0001000000000005"
            + "2e47f68f81fe48b566c46b6193cba329e758f8df390bc048"
            + "1bff60e25c7580d61d1aa7765bdfb987";
      default:
        return "263f09242a25de0ad3518a17c99abc3a415373b14db0b8db"
            + "898c32677024be04972396a941ae177d";
    }
  }

  private static RecordProtection protection(CipherSuite suite) {
    return RecordProtection.create(
        suite, counting(0x20, suite.keyLength()), counting(0xA0, suite.fixedIvLength()));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void sealsAsAnIndependentImplementationDoes(CipherSuite suite) {
    RecordProtection protection = protection(suite);
    byte[] out = new byte[PLAINTEXT.length + protection.overhead()];
    int n =
        protection.seal(
            EPOCH_AND_SEQUENCE, APPLICATION_DATA, DTLS_1_2, PLAINTEXT, 0, PLAINTEXT.length, out, 0);
    assertEquals(out.length, n);
    assertEquals(expectedSealed(suite), HEX.formatHex(out));

    byte[] sealed = HEX.parseHex(expectedSealed(suite));
    byte[] opened = new byte[PLAINTEXT.length];
    assertEquals(
        PLAINTEXT.length,
        protection(suite)
            .open(
                EPOCH_AND_SEQUENCE,
                APPLICATION_DATA,
                DTLS_1_2,
                sealed,
                0,
                sealed.length,
                opened,
                0));
    assertArrayEquals(PLAINTEXT, opened);
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void aPlainJcaCipherWithTheRfcNonceAndAdditionalDataOpensWhatSealWrote(CipherSuite suite)
      throws Exception {
    byte[] key = counting(0x20, suite.keyLength());
    byte[] iv = counting(0xA0, suite.fixedIvLength());
    long epochAndSequence = 0x7A5B_1234_5678_9ABCL;
    byte[] sealed = new byte[PLAINTEXT.length + 40];
    int n =
        RecordProtection.create(suite, key, iv)
            .seal(epochAndSequence, 22, 0xFEFF, PLAINTEXT, 0, PLAINTEXT.length, sealed, 3);
    byte[] sequence = HEX.parseHex("7a5b123456789abc");
    // RFC 6347 §4.1.2.1: epoch + sequence_number + type + version + length.
    byte[] additionalData = HEX.parseHex("7a5b123456789abc" + "16" + "feff" + "0018");
    Cipher cipher;
    if (suite.explicitNonceLength() == 8) {
      assertArrayEquals(sequence, Arrays.copyOfRange(sealed, 3, 11), "explicit nonce");
      byte[] nonce = new byte[12];
      System.arraycopy(iv, 0, nonce, 0, 4);
      System.arraycopy(sequence, 0, nonce, 4, 8);
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    } else {
      byte[] nonce = iv.clone();
      for (int i = 0; i < 8; i++) {
        nonce[4 + i] ^= sequence[i];
      }
      cipher = Cipher.getInstance("ChaCha20-Poly1305");
      cipher.init(
          Cipher.DECRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    }
    cipher.updateAAD(additionalData);
    int explicit = suite.explicitNonceLength();
    byte[] opened = cipher.doFinal(sealed, 3 + explicit, n - explicit);
    assertArrayEquals(PLAINTEXT, opened);
  }

  @Test
  void theJdksChaCha20Poly1305IsRfc8439s() throws Exception {
    // RFC 8439 §2.8.2
    byte[] key = counting(0x80, 32);
    byte[] nonce = HEX.parseHex("070000004041424344454647");
    byte[] aad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
    byte[] plaintext =
        ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
                + " future, sunscreen would be it.")
            .getBytes(StandardCharsets.US_ASCII);
    Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
    cipher.init(
        Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonce));
    cipher.updateAAD(aad);
    assertEquals(
        "d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d6"
            + "3dbea45e8ca9671282fafb69da92728b1a71de0a9e060b2905d6a5b67ecd3b36"
            + "92ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc"
            + "3ff4def08e4b7a9de576d26586cec64b6116"
            + "1ae10b594f09e26a7e902ecbd0600691",
        HEX.formatHex(cipher.doFinal(plaintext)));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void overheadIsTheExplicitNonceAndTheTag(CipherSuite suite) {
    assertEquals(suite.explicitNonceLength() + 16, protection(suite).overhead());
    assertEquals(
        suite == CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ? 16 : 24,
        protection(suite).overhead());
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void sealsAndOpensInPlaceWhateverTheOverlap(CipherSuite suite) {
    int overhead = protection(suite).overhead();
    byte[] reference = sealApart(suite, EPOCH_AND_SEQUENCE, PLAINTEXT);
    // Where the sealed fragment starts, relative to the plaintext: far before, just before
    // (room for the explicit nonce), on it, inside it, and after it.
    for (int shift = -40; shift <= 40; shift++) {
      byte[] buffer = new byte[200];
      int plainAt = 80;
      System.arraycopy(PLAINTEXT, 0, buffer, plainAt, PLAINTEXT.length);
      int sealedAt = plainAt + shift;
      int n =
          protection(suite)
              .seal(
                  EPOCH_AND_SEQUENCE,
                  APPLICATION_DATA,
                  DTLS_1_2,
                  buffer,
                  plainAt,
                  PLAINTEXT.length,
                  buffer,
                  sealedAt);
      assertEquals(PLAINTEXT.length + overhead, n);
      assertArrayEquals(
          reference, Arrays.copyOfRange(buffer, sealedAt, sealedAt + n), "seal shift " + shift);

      int openedAt = sealedAt - shift;
      int m =
          protection(suite)
              .open(
                  EPOCH_AND_SEQUENCE,
                  APPLICATION_DATA,
                  DTLS_1_2,
                  buffer,
                  sealedAt,
                  n,
                  buffer,
                  openedAt);
      assertEquals(PLAINTEXT.length, m, "open shift " + shift);
      assertArrayEquals(
          PLAINTEXT, Arrays.copyOfRange(buffer, openedAt, openedAt + m), "open shift " + shift);
    }
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void everyDamagedByteIsRefused(CipherSuite suite) {
    byte[] sealed = sealApart(suite, EPOCH_AND_SEQUENCE, PLAINTEXT);
    RecordProtection protection = protection(suite);
    for (int i = 0; i < sealed.length; i++) {
      for (int bit = 0; bit < 8; bit += 7) {
        byte[] damaged = sealed.clone();
        damaged[i] ^= (byte) (1 << bit);
        assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE, damaged), "byte " + i);
      }
    }
    // And the same instance still opens the undamaged record afterwards.
    assertEquals(PLAINTEXT.length, openApart(protection, EPOCH_AND_SEQUENCE, sealed));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void aDuplicatedRecordOpensAgainAndAForgeryDoesNotStopTheGenuineOne(CipherSuite suite) {
    // Replay is the record layer's to refuse (RFC 6347 §4.1.2.6); here a duplicate must simply
    // open again, and a forgery under the same sequence number must not break the next open.
    byte[] sealed = sealApart(suite, EPOCH_AND_SEQUENCE, PLAINTEXT);
    byte[] forged = sealed.clone();
    forged[forged.length - 1] ^= 0x55;
    RecordProtection protection = protection(suite);
    assertEquals(PLAINTEXT.length, openApart(protection, EPOCH_AND_SEQUENCE, sealed));
    assertEquals(PLAINTEXT.length, openApart(protection, EPOCH_AND_SEQUENCE, sealed));
    assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE, forged));
    assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE, forged));
    assertEquals(PLAINTEXT.length, openApart(protection, EPOCH_AND_SEQUENCE, sealed));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void anotherHeaderOrKeyIsRefused(CipherSuite suite) {
    byte[] sealed = sealApart(suite, EPOCH_AND_SEQUENCE, PLAINTEXT);
    RecordProtection protection = protection(suite);
    byte[] out = new byte[sealed.length];
    // The sequence number, the epoch, the type, the version, each enters the additional data.
    assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE + 1, sealed));
    assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE ^ (1L << 48), sealed));
    assertEquals(
        -1, protection.open(EPOCH_AND_SEQUENCE, 22, DTLS_1_2, sealed, 0, sealed.length, out, 0));
    assertEquals(
        -1,
        protection.open(
            EPOCH_AND_SEQUENCE, APPLICATION_DATA, 0xFEFF, sealed, 0, sealed.length, out, 0));
    RecordProtection otherKey =
        RecordProtection.create(
            suite, counting(0x21, suite.keyLength()), counting(0xA0, suite.fixedIvLength()));
    assertEquals(-1, openApart(otherKey, EPOCH_AND_SEQUENCE, sealed));
    RecordProtection otherIv =
        RecordProtection.create(
            suite, counting(0x20, suite.keyLength()), counting(0xA1, suite.fixedIvLength()));
    assertEquals(-1, openApart(otherIv, EPOCH_AND_SEQUENCE, sealed));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void aFragmentShorterThanTheOverheadIsRefusedAndTheOverheadAloneIsAnEmptyRecord(
      CipherSuite suite) {
    RecordProtection protection = protection(suite);
    for (int length = 0; length < protection.overhead(); length++) {
      byte[] fragment = new byte[length];
      assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE, fragment), "" + length);
    }
    byte[] empty = sealApart(suite, EPOCH_AND_SEQUENCE, new byte[0]);
    assertEquals(protection.overhead(), empty.length);
    assertEquals(0, openApart(protection, EPOCH_AND_SEQUENCE, empty));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void aFragmentLongerThanARecordCanCarryIsRefused(CipherSuite suite) {
    RecordProtection protection = protection(suite);
    byte[] huge = new byte[0x10000];
    assertEquals(-1, openApart(protection, EPOCH_AND_SEQUENCE, huge));
    byte[] out = new byte[0x20000];
    assertThrows(
        IllegalArgumentException.class,
        () ->
            protection.seal(
                EPOCH_AND_SEQUENCE,
                APPLICATION_DATA,
                DTLS_1_2,
                huge,
                0,
                0x10000 - protection.overhead(),
                out,
                0));
    int largest = 0xFFFF - protection.overhead();
    int n =
        protection.seal(EPOCH_AND_SEQUENCE, APPLICATION_DATA, DTLS_1_2, huge, 0, largest, out, 0);
    assertEquals(0xFFFF, n);
    assertEquals(largest, openApart(protection, EPOCH_AND_SEQUENCE, Arrays.copyOf(out, n)));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void sealingOneSequenceNumberTwiceInARowIsRefused(CipherSuite suite) {
    RecordProtection protection = protection(suite);
    byte[] out = new byte[100];
    protection.seal(EPOCH_AND_SEQUENCE, APPLICATION_DATA, DTLS_1_2, PLAINTEXT, 0, 3, out, 0);
    assertThrows(
        IllegalStateException.class,
        () ->
            protection.seal(
                EPOCH_AND_SEQUENCE, APPLICATION_DATA, DTLS_1_2, PLAINTEXT, 0, 3, out, 0));
  }

  @ParameterizedTest
  @EnumSource(CipherSuite.class)
  void callersRegionsAreChecked(CipherSuite suite) {
    RecordProtection protection = protection(suite);
    byte[] small = new byte[PLAINTEXT.length + protection.overhead() - 1];
    assertThrows(
        IndexOutOfBoundsException.class,
        () ->
            protection.seal(
                EPOCH_AND_SEQUENCE,
                APPLICATION_DATA,
                DTLS_1_2,
                PLAINTEXT,
                0,
                PLAINTEXT.length,
                small,
                0));
    assertThrows(
        IndexOutOfBoundsException.class,
        () ->
            protection.open(
                EPOCH_AND_SEQUENCE, APPLICATION_DATA, DTLS_1_2, PLAINTEXT, 5, 100, small, 0));
    byte[] sealed = sealApart(suite, EPOCH_AND_SEQUENCE, PLAINTEXT);
    assertThrows(
        IndexOutOfBoundsException.class,
        () ->
            protection.open(
                EPOCH_AND_SEQUENCE,
                APPLICATION_DATA,
                DTLS_1_2,
                sealed,
                0,
                sealed.length,
                new byte[PLAINTEXT.length - 1],
                0));
  }

  @Test
  void refusesKeysAndIvsOfTheWrongLength() {
    for (CipherSuite suite : CipherSuite.values()) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              RecordProtection.create(
                  suite, new byte[suite.keyLength() - 1], new byte[suite.fixedIvLength()]));
      assertThrows(
          IllegalArgumentException.class,
          () ->
              RecordProtection.create(
                  suite, new byte[suite.keyLength()], new byte[suite.fixedIvLength() + 1]));
    }
    // 16 bytes would be a valid AES key, but not for an AES-256 suite.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RecordProtection.create(
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, new byte[16], new byte[4]));
  }

  @Test
  void theKeyIsCopiedNotShared() {
    CipherSuite suite = CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
    byte[] key = counting(0x20, 16);
    byte[] iv = counting(0xA0, 4);
    RecordProtection protection = RecordProtection.create(suite, key, iv);
    Arrays.fill(key, (byte) 0);
    Arrays.fill(iv, (byte) 0);
    byte[] out = new byte[PLAINTEXT.length + 24];
    protection.seal(
        EPOCH_AND_SEQUENCE, APPLICATION_DATA, DTLS_1_2, PLAINTEXT, 0, PLAINTEXT.length, out, 0);
    assertEquals(expectedSealed(suite), HEX.formatHex(out));
  }

  @Test
  void randomPayloadsRoundTripUnderRandomKeysAndSequenceNumbers() {
    qt().withFixedSeed(SEED)
        .withExamples(500)
        .forAll(
            arbitrary().enumValues(CipherSuite.class),
            integers().between(0, 2048),
            longs().all(),
            longs().all())
        .checkAssert(
            (suite, length, epochAndSequence, seed) -> {
              SplittableRandom random = new SplittableRandom(seed);
              byte[] key = new byte[suite.keyLength()];
              byte[] iv = new byte[suite.fixedIvLength()];
              byte[] payload = new byte[length];
              random.nextBytes(key);
              random.nextBytes(iv);
              random.nextBytes(payload);
              int type = random.nextInt(256);
              RecordProtection sender = RecordProtection.create(suite, key, iv);
              RecordProtection receiver = RecordProtection.create(suite, key, iv);
              // In place, with room for the record header and the explicit nonce in front.
              int headerLength = 13;
              int overhead = sender.overhead();
              byte[] datagram = new byte[headerLength + length + overhead];
              int plainAt = headerLength + suite.explicitNonceLength();
              System.arraycopy(payload, 0, datagram, plainAt, length);
              int n =
                  sender.seal(
                      epochAndSequence,
                      type,
                      DTLS_1_2,
                      datagram,
                      plainAt,
                      length,
                      datagram,
                      headerLength);
              assertEquals(length + overhead, n);
              int m =
                  receiver.open(
                      epochAndSequence,
                      type,
                      DTLS_1_2,
                      datagram,
                      headerLength,
                      n,
                      datagram,
                      headerLength);
              assertEquals(length, m);
              assertArrayEquals(
                  payload, Arrays.copyOfRange(datagram, headerLength, headerLength + length));
            });
  }

  static byte[] sealApart(CipherSuite suite, long epochAndSequence, byte[] plaintext) {
    RecordProtection protection = protection(suite);
    byte[] out = new byte[plaintext.length + protection.overhead()];
    protection.seal(
        epochAndSequence, APPLICATION_DATA, DTLS_1_2, plaintext, 0, plaintext.length, out, 0);
    return out;
  }

  private static int openApart(RecordProtection protection, long epochAndSequence, byte[] in) {
    byte[] out = new byte[Math.max(0, in.length - protection.overhead())];
    return protection.open(epochAndSequence, APPLICATION_DATA, DTLS_1_2, in, 0, in.length, out, 0);
  }
}
