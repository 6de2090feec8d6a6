package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.rtc4j.dtls.CipherSuite;

/**
 * The TLS 1.2 PRF against the vectors published on the TLS list (msg03416) and against OpenSSL 3's
 * {@code openssl kdf ... TLS1-PRF} as an oracle: each expected value below was computed with it,
 * the seed written out by hand from the RFC that defines the secret, e.g.
 *
 * <pre>
 * openssl kdf -keylen 48 -kdfopt digest:SHA256 -kdfopt hexsecret:PM \
 *     -kdfopt hexseed:$(printf 'master secret' | xxd -p)CRSR TLS1-PRF
 * </pre>
 */
class PrfTest {
  private static final HexFormat HEX = HexFormat.of();

  private static final CipherSuite SHA256_SUITE =
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
  private static final CipherSuite SHA384_SUITE = CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;

  /** A 32-byte premaster secret, as X25519 gives: 01 02 .. 20. */
  private static final byte[] PRE_MASTER = counting(0x01, 32);

  private static final byte[] CLIENT_RANDOM = counting(0xC0, 32);
  private static final byte[] SERVER_RANDOM = counting(0x50, 32);
  private static final byte[] MASTER_SECRET = counting(0x10, 48);
  private static final byte[] HASH_32 = counting(0xA0, 32);
  private static final byte[] HASH_48 = counting(0xA0, 48);

  @Test
  void publishedSha256Vector() {
    byte[] out =
        Prf.compute(
            "HmacSHA256",
            HEX.parseHex("9bbe436ba940f017b17652849a71db35"),
            "test label",
            HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"),
            100);
    assertEquals(
        "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a"
            + "6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab"
            + "4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701"
            + "87347b66",
        HEX.formatHex(out));
  }

  @Test
  void publishedSha384Vector() {
    byte[] out =
        Prf.compute(
            "HmacSHA384",
            HEX.parseHex("b80b733d6ceefcdc71566ea48e5567df"),
            "test label",
            HEX.parseHex("cd665cf6a8447dd6ff8b27555edb7465"),
            148);
    assertEquals(
        "7b0c18e9ced410ed1804f2cfa34a336a1c14dffb4900bb5fd7942107e81c83cd"
            + "e9ca0faa60be9fe34f82b1233c9146a0e534cb400fed2700884f9dc236f80edd"
            + "8bfa961144c9e8d792eca722a7b32fc3d416d473ebc2c5fd4abfdad05d918425"
            + "9b5bf8cd4d90fa0d31e2dec479e4f1a26066f2eea9a69236a3e52655c9e9aee6"
            + "91c8f3a26854308d5eaa3be85e0990703d73e56f",
        HEX.formatHex(out));
  }

  @Test
  void aSeedInTwoPartsIsTheirConcatenation() {
    byte[] seed = HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c");
    byte[] secret = HEX.parseHex("9bbe436ba940f017b17652849a71db35");
    byte[] whole = Prf.compute("HmacSHA256", secret, "test label", seed, 100);
    for (int split = 0; split <= seed.length; split++) {
      byte[] first = Arrays.copyOfRange(seed, 0, split);
      byte[] second = Arrays.copyOfRange(seed, split, seed.length);
      assertArrayEquals(
          whole, Prf.compute("HmacSHA256", secret, "test label", first, second, 100), "" + split);
    }
  }

  @Test
  void shorterOutputIsAPrefixOfLongerAtEveryLength() {
    byte[] longest = Prf.compute("HmacSHA384", PRE_MASTER, "label", HASH_32, 200);
    for (int length = 0; length <= 200; length++) {
      assertArrayEquals(
          Arrays.copyOf(longest, length),
          Prf.compute("HmacSHA384", PRE_MASTER, "label", HASH_32, length),
          "" + length);
    }
  }

  @Test
  void anEmptySecretIsAllowed() {
    // The same vector's seed and label with an empty secret; OpenSSL and Python's hmac agree.
    assertEquals(
        "e9b8fa4ec6df21cd1ab1a7ef45af568d83f4ba1ef4cd5ee56d3078995b0bd586e472fbba58ba7e3c",
        HEX.formatHex(
            Prf.compute(
                "HmacSHA256",
                new byte[0],
                "test label",
                HEX.parseHex("a0ba9f936cda311827a6f796ffd5198c"),
                40)));
  }

  @Test
  void masterSecretSeedsWithClientThenServerRandom() {
    // RFC 5246 §8.1
    assertEquals(
        "f12fca0747c796405de81914cd5d6de5735ffab6fc34a17c9768c32b735af7ed"
            + "9e9f9a55aac1dacb857f1ff463958c0b",
        HEX.formatHex(Prf.masterSecret(SHA256_SUITE, PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM)));
    assertEquals(
        "5e79487d4b5712082728ff708b245bec504dd56cc7a48dc652871746d4106768"
            + "cba72067f8e673e85360e162ee8a9c05",
        HEX.formatHex(Prf.masterSecret(SHA384_SUITE, PRE_MASTER, CLIENT_RANDOM, SERVER_RANDOM)));
  }

  @Test
  void extendedMasterSecretSeedsWithTheSessionHash() {
    // RFC 7627 §4
    assertEquals(
        "2de2d871c12a6dbb6729bff6ce9bdfa6c0f3d5fbafed36cc35cd29cabbdd4312"
            + "c3108b8d175f3d7528ae20f22a479f4e",
        HEX.formatHex(Prf.extendedMasterSecret(SHA256_SUITE, PRE_MASTER, HASH_32)));
    assertEquals(
        "1a6a2ad213d8b08557277dd62b24dbe1583f4d319e62243d7fb7fa3204f4f23a"
            + "31ce05ae7f8f995d596d638b1273fb29",
        HEX.formatHex(Prf.extendedMasterSecret(SHA384_SUITE, PRE_MASTER, HASH_48)));
  }

  @Test
  void keyBlockSeedsWithServerThenClientRandom() {
    // RFC 5246 §6.3: 2 keys and 2 fixed IVs for each suite.
    assertEquals(
        "5c148005472ce3e26c5d6763044bc4c5b7149b65c1ab5e31252bbc5fb57d7a5e1931dd0fe927671e",
        HEX.formatHex(Prf.keyBlock(SHA256_SUITE, MASTER_SECRET, CLIENT_RANDOM, SERVER_RANDOM, 40)));
    assertEquals(
        "07a24de56987722d9691135e26b5917836cd156cbce8415e8a79245115955e68"
            + "5f575b2d0f712ba2fc15b635cde80723caa649e97ef42ca38e941022e4265295"
            + "bad01b97141be869",
        HEX.formatHex(Prf.keyBlock(SHA384_SUITE, MASTER_SECRET, CLIENT_RANDOM, SERVER_RANDOM, 72)));
    assertEquals(
        "5c148005472ce3e26c5d6763044bc4c5b7149b65c1ab5e31252bbc5fb57d7a5e"
            + "1931dd0fe927671e434ff4ddca3a4c1318b05b455470efc0a4a8458048ef594e"
            + "6dd9ad9ca73e7fa5f5e12e82fb080352db60fd77710c8e0a",
        HEX.formatHex(
            Prf.keyBlock(
                CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                MASTER_SECRET,
                CLIENT_RANDOM,
                SERVER_RANDOM,
                88)));
  }

  @Test
  void verifyDataIsTwelveBytesUnderEachSidesLabel() {
    // RFC 5246 §7.4.9
    assertEquals(
        "0f3d1b630564cd60776e3214",
        HEX.formatHex(Prf.verifyData(SHA256_SUITE, MASTER_SECRET, true, HASH_32)));
    assertEquals(
        "fa7164e3ccee38a2c5b92279",
        HEX.formatHex(Prf.verifyData(SHA256_SUITE, MASTER_SECRET, false, HASH_32)));
    assertEquals(
        "61445c9aba56757e520bf84a",
        HEX.formatHex(Prf.verifyData(SHA384_SUITE, MASTER_SECRET, true, HASH_48)));
  }

  @Test
  void exporterWithoutContextIsWhatDtlsSrtpUses() {
    // RFC 5705 §4, RFC 5764 §4.2: 2 * (16 + 14) bytes for AES128_CM_HMAC_SHA1_80.
    assertEquals(
        "8a1929ace081f65dcc2caa32ed8d65635bb4270df6c5225cf45ba54d47b62537"
            + "82dceca1ee9957fadad7e2b78a445b1118ca42edb8131de95bbb871f",
        HEX.formatHex(
            Prf.exporter(
                SHA256_SUITE,
                MASTER_SECRET,
                "EXTRACTOR-dtls_srtp",
                CLIENT_RANDOM,
                SERVER_RANDOM,
                null,
                60)));
  }

  @Test
  void exporterContextIsLengthPrefixedAndEmptyDiffersFromNone() {
    byte[] none =
        Prf.exporter(
            SHA256_SUITE,
            MASTER_SECRET,
            "EXTRACTOR-dtls_srtp",
            CLIENT_RANDOM,
            SERVER_RANDOM,
            null,
            60);
    byte[] empty =
        Prf.exporter(
            SHA256_SUITE,
            MASTER_SECRET,
            "EXTRACTOR-dtls_srtp",
            CLIENT_RANDOM,
            SERVER_RANDOM,
            new byte[0],
            60);
    assertEquals(
        "619de53790d42be5c4528de21cd003f2f54e7e8e84df90f8aff49dcb0b0997de"
            + "d1612dcac6ec91d749d731c26294f5b686796da7cc19801b7b63572f",
        HEX.formatHex(empty));
    assertFalse(Arrays.equals(none, empty));
    assertEquals(
        "479e8da326cc8b3edce74b958c89405ef4805196a5602a886fd001e5245a89f0982e7135fb300d25",
        HEX.formatHex(
            Prf.exporter(
                SHA384_SUITE,
                MASTER_SECRET,
                "EXPORTER-rtc4j",
                CLIENT_RANDOM,
                SERVER_RANDOM,
                "rtc4j".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                40)));
  }

  @Test
  void refusesWhatNoHandshakeProduces() {
    byte[] shortRandom = new byte[31];
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.masterSecret(SHA256_SUITE, PRE_MASTER, shortRandom, SERVER_RANDOM));
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.keyBlock(SHA256_SUITE, MASTER_SECRET, CLIENT_RANDOM, shortRandom, 40));
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.keyBlock(SHA256_SUITE, new byte[47], CLIENT_RANDOM, SERVER_RANDOM, 40));
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.verifyData(SHA256_SUITE, new byte[49], true, HASH_32));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Prf.exporter(
                SHA256_SUITE,
                MASTER_SECRET,
                "EXTRACTOR-dtls_srtp",
                CLIENT_RANDOM,
                SERVER_RANDOM,
                new byte[0x10000],
                60));
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.compute("HmacSHA256", PRE_MASTER, "label", HASH_32, -1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.compute("HmacSHA256", PRE_MASTER, "l\u00e4bel", HASH_32, 12));
    assertThrows(
        IllegalArgumentException.class,
        () -> Prf.compute("HmacNoSuchHash", PRE_MASTER, "label", HASH_32, 12));
  }

  @Test
  void theLongestContextIsAccepted() {
    assertEquals(
        60,
        Prf.exporter(
                SHA256_SUITE,
                MASTER_SECRET,
                "EXTRACTOR-dtls_srtp",
                CLIENT_RANDOM,
                SERVER_RANDOM,
                new byte[0xFFFF],
                60)
            .length);
  }

  /** {@code length} bytes counting up from {@code first}. */
  static byte[] counting(int first, int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) (first + i);
    }
    return b;
  }
}
