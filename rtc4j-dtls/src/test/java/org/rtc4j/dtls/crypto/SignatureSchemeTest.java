package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.common.RandomSource;

class SignatureSchemeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM =
      new RandomSourceSecureRandom(RandomSource.seeded(0x51C));
  private static final byte[] DATA =
      "client_random + server_random + ServerECDHParams".getBytes(StandardCharsets.US_ASCII);

  /** The signature_algorithms of the ClientHellos in {@code org/rtc4j/dtls/fixtures/}. */
  private static final List<Integer> CHROMIUM =
      List.of(0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0201);

  private static final List<Integer> FIREFOX =
      List.of(
          0x0403, 0x0503, 0x0603, 0x0203, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0201,
          0x0402, 0x0502, 0x0602, 0x0202);

  private static KeyPair p256;
  private static KeyPair p384;
  private static KeyPair p521;
  private static KeyPair rsa;

  @BeforeAll
  static void generateKeys() throws GeneralSecurityException {
    p256 = ec("secp256r1");
    p384 = ec("secp384r1");
    p521 = ec("secp521r1");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, RANDOM);
    rsa = generator.generateKeyPair(); // once: it takes a while
  }

  private static KeyPair ec(String curve) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec(curve), RANDOM);
    return generator.generateKeyPair();
  }

  private static List<KeyPair> keysFor(SignatureScheme scheme) {
    return scheme.ecdsa() ? List.of(p256, p384, p521) : List.of(rsa);
  }

  @Test
  void codePointsAreTheRegistrys() {
    assertEquals(0x0403, SignatureScheme.ECDSA_SECP256R1_SHA256.id());
    assertEquals(0x0503, SignatureScheme.ECDSA_SECP384R1_SHA384.id());
    assertEquals(0x0603, SignatureScheme.ECDSA_SECP521R1_SHA512.id());
    assertEquals(0x0804, SignatureScheme.RSA_PSS_RSAE_SHA256.id());
    assertEquals(0x0805, SignatureScheme.RSA_PSS_RSAE_SHA384.id());
    assertEquals(0x0806, SignatureScheme.RSA_PSS_RSAE_SHA512.id());
    assertEquals(0x0401, SignatureScheme.RSA_PKCS1_SHA256.id());
    assertEquals(0x0501, SignatureScheme.RSA_PKCS1_SHA384.id());
    assertEquals(0x0601, SignatureScheme.RSA_PKCS1_SHA512.id());
    for (SignatureScheme s : SignatureScheme.values()) {
      assertSame(s, SignatureScheme.fromId(s.id()));
      assertEquals(s.name().startsWith("ECDSA"), s.ecdsa(), s.name());
    }
    // SHA-1, SHA-224, DSA, Ed25519, rsa_pss_pss: not ours.
    for (int unknown : new int[] {0x0201, 0x0203, 0x0303, 0x0402, 0x0807, 0x0809, 0, -1}) {
      assertNull(SignatureScheme.fromId(unknown), Integer.toHexString(unknown));
    }
  }

  @Test
  void defaultOfferIsEveryScheme() {
    int[] offer = SignatureScheme.defaultOffer();
    assertArrayEquals(
        new int[] {0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601}, offer);
    assertEquals(SignatureScheme.values().length, offer.length);
    for (int id : offer) {
      assertNotNull(SignatureScheme.fromId(id));
    }
    offer[0] = 0;
    assertEquals(0x0403, SignatureScheme.defaultOffer()[0]);
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void signsAndVerifies(SignatureScheme scheme) {
    for (KeyPair key : keysFor(scheme)) {
      byte[] signature = scheme.sign(key.getPrivate(), DATA, RANDOM);
      assertTrue(scheme.verify(key.getPublic(), DATA, signature));
      if (scheme.ecdsa()) {
        // RFC 8422 §5.4: the DER Ecdsa-Sig-Value, a SEQUENCE of two INTEGERs.
        assertEquals(0x30, signature[0]);
      } else {
        assertEquals(256, signature.length);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SignatureScheme.class)
  void refusesWhatWasNotSignedSo(SignatureScheme scheme) {
    for (KeyPair key : keysFor(scheme)) {
      byte[] signature = scheme.sign(key.getPrivate(), DATA, RANDOM);
      byte[] otherData = DATA.clone();
      otherData[3] ^= 1;
      assertFalse(scheme.verify(key.getPublic(), otherData, signature), "other data");
      for (int i = 0; i < signature.length; i += 7) {
        byte[] damaged = signature.clone();
        damaged[i] ^= 0x10;
        assertFalse(scheme.verify(key.getPublic(), DATA, damaged), "byte " + i);
      }
      assertFalse(scheme.verify(key.getPublic(), DATA, Arrays.copyOf(signature, 10)), "cut");
      assertFalse(
          scheme.verify(key.getPublic(), DATA, Arrays.copyOf(signature, signature.length + 1)),
          "extended");
      assertFalse(scheme.verify(key.getPublic(), DATA, new byte[0]), "empty");
      byte[] garbage = new byte[signature.length];
      RANDOM.nextBytes(garbage);
      assertFalse(scheme.verify(key.getPublic(), DATA, garbage), "garbage");
      assertFalse(scheme.verify(key.getPublic(), DATA, HEX.parseHex("3006020101020101")), "r=s=1");
      assertFalse(scheme.verify(key.getPublic(), DATA, HEX.parseHex("3006020100020101")), "r=0");
      // The same signature under another scheme of the same key type: another hash or padding.
      for (SignatureScheme other : SignatureScheme.values()) {
        if (other != scheme) {
          assertFalse(other.verify(key.getPublic(), DATA, signature), other.name());
        }
      }
      // A key of the other type, and another key of the same type.
      KeyPair wrongType = scheme.ecdsa() ? rsa : p256;
      assertFalse(scheme.verify(wrongType.getPublic(), DATA, signature), "wrong key type");
      KeyPair sameType = key == p256 ? p384 : key == rsa ? null : p256;
      if (sameType != null) {
        assertFalse(scheme.verify(sameType.getPublic(), DATA, signature), "another key");
      }
      assertFalse(scheme.verify(null, DATA, signature), "no key");
    }
  }

  @Test
  void supportsGoesByKeyTypeNotCurve() {
    for (SignatureScheme s : SignatureScheme.values()) {
      boolean ec = s.ecdsa();
      for (KeyPair key : List.of(p256, p384, p521)) {
        assertEquals(ec, s.supports(key.getPublic()), s.name());
        assertEquals(ec, s.supports(key.getPrivate()), s.name());
      }
      assertEquals(!ec, s.supports(rsa.getPublic()), s.name());
      assertEquals(!ec, s.supports(rsa.getPrivate()), s.name());
    }
  }

  @Test
  void pssWithSha512NeedsAModulusBigEnoughForItsSalt() throws GeneralSecurityException {
    // RFC 8017 §9.1.1: emLen >= hLen + sLen + 2, here 64 + 64 + 2 bytes; 1024 bits has 128.
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(1024, RANDOM);
    KeyPair small = generator.generateKeyPair();
    assertFalse(SignatureScheme.RSA_PSS_RSAE_SHA512.supports(small.getPrivate()));
    assertTrue(SignatureScheme.RSA_PSS_RSAE_SHA384.supports(small.getPrivate()));
    assertSame(
        SignatureScheme.RSA_PKCS1_SHA512,
        SignatureScheme.choose(List.of(0x0806, 0x0601), small.getPrivate()));
  }

  @Test
  void signRefusesAKeyOfTheWrongType() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SignatureScheme.ECDSA_SECP256R1_SHA256.sign(rsa.getPrivate(), DATA, RANDOM));
    assertThrows(
        IllegalArgumentException.class,
        () -> SignatureScheme.RSA_PSS_RSAE_SHA256.sign(p256.getPrivate(), DATA, RANDOM));
  }

  @ParameterizedTest
  @EnumSource(
      value = SignatureScheme.class,
      names = {"RSA_PSS_RSAE_SHA256", "RSA_PSS_RSAE_SHA384", "RSA_PSS_RSAE_SHA512"})
  void pssSaltIsAsLongAsTheHash(SignatureScheme scheme) throws GeneralSecurityException {
    // RFC 8446 §4.2.3: a verifier configured by hand, with the salt length it demands.
    byte[] signature = scheme.sign(rsa.getPrivate(), DATA, RANDOM);
    String hash = scheme.hashAlgorithm();
    int hashLength = Integer.parseInt(hash.substring(4)) / 8;
    assertTrue(pssVerify(hash, hashLength, signature));
    assertFalse(pssVerify(hash, 0, signature));
  }

  private static boolean pssVerify(String hash, int saltLength, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("RSASSA-PSS");
    verifier.setParameter(
        new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
    verifier.initVerify(rsa.getPublic());
    verifier.update(DATA);
    try {
      return verifier.verify(signature);
    } catch (java.security.SignatureException e) {
      return false;
    }
  }

  @Test
  void verifiesOpenSslsSignaturesAndMakesItsPkcs1OnesByteForByte() throws Exception {
    Map<String, String> v = new HashMap<>();
    List<String[]> signatures = new ArrayList<>();
    try (InputStream in = SignatureSchemeTest.class.getResourceAsStream("openssl-signatures.txt")) {
      assertNotNull(in);
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        String[] words = line.trim().split(" ");
        if (words[0].startsWith("#") || words[0].isEmpty()) {
          continue;
        }
        if (words.length == 3) {
          signatures.add(words);
        } else {
          v.put(words[0], words[1]);
        }
      }
    }
    byte[] message = HEX.parseHex(v.get("message"));
    Map<String, PublicKey> keys =
        Map.of(
            "p256", publicKey("EC", v.get("p256_public")),
            "p384", publicKey("EC", v.get("p384_public")),
            "rsa", publicKey("RSA", v.get("rsa_public")));
    PrivateKey rsaPrivate =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(HEX.parseHex(v.get("rsa_private"))));
    assertEquals(SignatureScheme.values().length, signatures.size());
    for (String[] s : signatures) {
      SignatureScheme scheme = SignatureScheme.fromId(Integer.parseInt(s[0], 16));
      PublicKey key = keys.get(s[1]);
      byte[] signature = HEX.parseHex(s[2]);
      assertTrue(scheme.verify(key, message, signature), scheme.name());
      byte[] otherMessage = message.clone();
      otherMessage[0] ^= 1;
      assertFalse(scheme.verify(key, otherMessage, signature), scheme.name());
      if (scheme.name().startsWith("RSA_PKCS1")) {
        // PKCS #1 v1.5 signatures are deterministic.
        assertArrayEquals(signature, scheme.sign(rsaPrivate, message, RANDOM), scheme.name());
      }
    }
  }

  private static PublicKey publicKey(String algorithm, String hex) throws Exception {
    return KeyFactory.getInstance(algorithm)
        .generatePublic(new X509EncodedKeySpec(HEX.parseHex(hex)));
  }

  @Test
  void choosesOurPreferenceAmongWhatThePeerOffered() {
    assertSame(
        SignatureScheme.ECDSA_SECP256R1_SHA256,
        SignatureScheme.choose(CHROMIUM, p256.getPrivate()));
    assertSame(
        SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.choose(FIREFOX, p384.getPrivate()));
    assertSame(
        SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.choose(CHROMIUM, rsa.getPrivate()));
    assertSame(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.choose(FIREFOX, rsa.getPrivate()));
    // Our order, not the peer's.
    assertSame(
        SignatureScheme.ECDSA_SECP256R1_SHA256,
        SignatureScheme.choose(List.of(0x0603, 0x0503, 0x0403), p521.getPrivate()));
    assertSame(
        SignatureScheme.RSA_PKCS1_SHA256,
        SignatureScheme.choose(List.of(0x0804, 0x0401), rsa.getPrivate()));
    assertSame(
        SignatureScheme.ECDSA_SECP384R1_SHA384,
        SignatureScheme.choose(List.of(0x0201, 0x0503, 0x0804), p256.getPrivate()));
    assertSame(
        SignatureScheme.RSA_PSS_RSAE_SHA256,
        SignatureScheme.choose(List.of(0x0806, 0x0804), rsa.getPrivate()));
    assertSame(
        SignatureScheme.RSA_PKCS1_SHA384,
        SignatureScheme.choose(List.of(0x0805, 0x0501, 0x0403), rsa.getPrivate()));
    // Nothing fits.
    assertNull(SignatureScheme.choose(List.of(0x0804, 0x0401), p256.getPrivate()));
    assertNull(SignatureScheme.choose(List.of(0x0403, 0x0201), rsa.getPrivate()));
    assertNull(SignatureScheme.choose(List.of(0x0201, 0x0203), p256.getPrivate()));
  }

  @Test
  void aPeerThatOffersNothingGetsSha256() {
    assertSame(
        SignatureScheme.ECDSA_SECP256R1_SHA256, SignatureScheme.choose(null, p384.getPrivate()));
    assertSame(
        SignatureScheme.ECDSA_SECP256R1_SHA256,
        SignatureScheme.choose(List.of(), p256.getPrivate()));
    assertSame(SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.choose(null, rsa.getPrivate()));
    assertSame(
        SignatureScheme.RSA_PKCS1_SHA256, SignatureScheme.choose(List.of(), rsa.getPrivate()));
  }

  @Test
  void aKeyOfAnotherKindFitsNoScheme() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    KeyPair ed = generator.generateKeyPair();
    assertNull(SignatureScheme.choose(CHROMIUM, ed.getPrivate()));
    assertNull(SignatureScheme.choose(null, ed.getPrivate()));
    for (SignatureScheme s : SignatureScheme.values()) {
      assertFalse(s.supports(ed.getPublic()));
      assertFalse(s.verify(ed.getPublic(), DATA, new byte[64]));
    }
  }

  @Test
  void ecdsaSignaturesAreRandomisedAndBothVerify() {
    byte[] a = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(p256.getPrivate(), DATA, RANDOM);
    byte[] b = SignatureScheme.ECDSA_SECP256R1_SHA256.sign(p256.getPrivate(), DATA, RANDOM);
    assertFalse(Arrays.equals(a, b));
    assertTrue(SignatureScheme.ECDSA_SECP256R1_SHA256.verify(p256.getPublic(), DATA, a));
    assertTrue(SignatureScheme.ECDSA_SECP256R1_SHA256.verify(p256.getPublic(), DATA, b));
  }
}
