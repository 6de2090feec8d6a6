package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.CipherSuite;
import org.rtc4j.dtls.NamedGroup;

/**
 * Jazzer fuzz targets for what the crypto package is handed from the network: a peer's ECDHE public
 * key, a received record fragment, a peer's signature. Each must come out as a result or as the one
 * refusal the API names ({@link ParseException}, -1, false), nothing else.
 *
 * <p>A plain {@code ./mvnw test} runs each target once per seed in {@code
 * src/test/resources/org/rtc4j/dtls/crypto/CryptoFuzzTestInputs/<target>/}. To fuzz one target:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-dtls -am test \
 *     -Dtest='CryptoFuzzTest#agree' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class CryptoFuzzTest {
  private static final RandomSourceSecureRandom RANDOM =
      new RandomSourceSecureRandom(RandomSource.seeded(0xF022));

  private static final List<EcdheKeyPair> KEYS =
      List.of(
          EcdheKeyPair.generate(NamedGroup.X25519, RANDOM),
          EcdheKeyPair.generate(NamedGroup.SECP256R1, RANDOM),
          EcdheKeyPair.generate(NamedGroup.SECP384R1, RANDOM));

  private static final List<EcdheKeyPair> OTHER_KEYS =
      List.of(
          EcdheKeyPair.generate(NamedGroup.X25519, RANDOM),
          EcdheKeyPair.generate(NamedGroup.SECP256R1, RANDOM),
          EcdheKeyPair.generate(NamedGroup.SECP384R1, RANDOM));

  /** The OpenSSL-made keys of {@code openssl-signatures.txt}: generating RSA keys is slow. */
  private static final PublicKey EC_SIGNER = signerKey("EC", "p256_public");

  private static final PublicKey RSA_SIGNER = signerKey("RSA", "rsa_public");

  /**
   * A peer's public key for each group, as it came and, for P-256 and P-384, mended into a point on
   * the curve with the data as its x-coordinate (which the fuzzer would never find by itself).
   * Whatever is refused is refused with ParseException; a point on the curve is always accepted,
   * and agreement is symmetric.
   */
  @FuzzTest
  void agree(byte[] data) {
    for (int i = 0; i < KEYS.size(); i++) {
      EcdheKeyPair key = KEYS.get(i);
      byte[] secret = agreeOrNull(key, data);
      if (secret != null) {
        assertEquals(key.group() == NamedGroup.SECP384R1 ? 48 : 32, secret.length);
        assertArrayEquals(secret, agreeOrNull(key, data), "agreement is a function");
        assertFalse(Arrays.equals(secret, new byte[secret.length]), "the all-zero secret");
        // A key another key accepts, every key of the group accepts.
        assertNotEquals(null, agreeOrNull(OTHER_KEYS.get(i), data));
      }
      if (key.group() != NamedGroup.X25519) {
        byte[] point = pointWithX(key.group(), data);
        if (point != null) {
          byte[] onCurve = agreeOrNull(key, point);
          assertNotEquals(null, onCurve, "refused a point on the curve");
        }
      }
    }
  }

  @Test
  void pointsMendedFromAnyXAreAccepted() {
    byte[] x = new byte[48];
    int accepted = 0;
    for (int i = 0; i < 64; i++) {
      RANDOM.nextBytes(x);
      accepted += pointWithX(NamedGroup.SECP256R1, x) == null ? 0 : 1;
      agree(x);
    }
    // About half of all x have a point: the mending works, so the target's last check bites.
    assertEquals(true, accepted > 10 && accepted < 54, "" + accepted);
  }

  /**
   * A received fragment under each suite's fixed keys: refused with -1 (a forgery cannot pass) or
   * opened, the same in place as apart. Then the same bytes as a plaintext must seal and open back,
   * and fail once the fuzzer flips one of the sealed bytes.
   */
  @FuzzTest
  void open(FuzzedDataProvider data) {
    CipherSuite suite = data.pickValue(CipherSuite.values());
    long epochAndSequence = data.consumeLong();
    int type = data.consumeInt(0, 255);
    int flip = data.consumeInt(0, Integer.MAX_VALUE);
    byte[] fragment = data.consumeRemainingAsBytes();

    RecordProtection receiver = protection(suite);
    byte[] apart = new byte[fragment.length];
    int opened =
        receiver.open(epochAndSequence, type, 0xFEFD, fragment, 0, fragment.length, apart, 0);
    assertEquals(true, opened == -1 || opened == fragment.length - receiver.overhead());
    byte[] inPlace = new byte[fragment.length + 13];
    System.arraycopy(fragment, 0, inPlace, 13, fragment.length);
    assertEquals(
        opened,
        protection(suite)
            .open(epochAndSequence, type, 0xFEFD, inPlace, 13, fragment.length, inPlace, 13));

    RecordProtection sender = protection(suite);
    byte[] sealed = new byte[fragment.length + sender.overhead()];
    int n = sender.seal(epochAndSequence, type, 0xFEFD, fragment, 0, fragment.length, sealed, 0);
    assertEquals(sealed.length, n);
    byte[] back = new byte[fragment.length];
    assertEquals(
        fragment.length, receiver.open(epochAndSequence, type, 0xFEFD, sealed, 0, n, back, 0));
    assertArrayEquals(fragment, back);
    sealed[flip % n] ^= (byte) (1 << (flip >>> 28 & 7));
    assertEquals(-1, receiver.open(epochAndSequence, type, 0xFEFD, sealed, 0, n, back, 0));
  }

  /**
   * A peer's signature, under every scheme and with both kinds of key: false, never an exception
   * (nobody forges a signature by fuzzing).
   */
  @FuzzTest
  void verify(FuzzedDataProvider data) {
    byte[] signed = data.consumeBytes(data.consumeInt(0, 64));
    byte[] signature = data.consumeRemainingAsBytes();
    for (SignatureScheme scheme : SignatureScheme.values()) {
      assertFalse(scheme.verify(EC_SIGNER, signed, signature), scheme.name());
      assertFalse(scheme.verify(RSA_SIGNER, signed, signature), scheme.name());
    }
  }

  private static byte[] agreeOrNull(EcdheKeyPair key, byte[] peer) {
    try {
      return key.agree(peer);
    } catch (ParseException e) {
      return null;
    }
  }

  private static RecordProtection protection(CipherSuite suite) {
    return RecordProtection.create(
        suite,
        PrfTest.counting(0x20, suite.keyLength()),
        PrfTest.counting(0xA0, suite.fixedIvLength()));
  }

  /**
   * The uncompressed point whose x is the first bytes of {@code data} reduced modulo p, if the
   * curve has one: y = sqrt(x^3 + ax + b), which is a power since p = 3 mod 4 for both curves.
   */
  private static byte[] pointWithX(NamedGroup group, byte[] data) {
    ECParameterSpec spec = curve(group);
    EllipticCurve curve = spec.getCurve();
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    int size = (p.bitLength() + 7) / 8;
    if (data.length < size) {
      return null;
    }
    BigInteger x = new BigInteger(1, Arrays.copyOf(data, size)).mod(p);
    BigInteger rhs = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
    if (!y.multiply(y).mod(p).equals(rhs)) {
      return null;
    }
    byte[] point = new byte[1 + 2 * size];
    point[0] = 0x04;
    copyPadded(x, point, 1, size);
    copyPadded(y, point, 1 + size, size);
    return point;
  }

  private static void copyPadded(BigInteger v, byte[] to, int at, int size) {
    byte[] raw = v.toByteArray();
    int start = Math.max(0, raw.length - size);
    System.arraycopy(raw, start, to, at + size - (raw.length - start), raw.length - start);
  }

  private static ECParameterSpec curve(NamedGroup group) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(
          new ECGenParameterSpec(group == NamedGroup.SECP256R1 ? "secp256r1" : "secp384r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  private static PublicKey signerKey(String algorithm, String name) {
    try (InputStream in = CryptoFuzzTest.class.getResourceAsStream("openssl-signatures.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        if (line.startsWith(name + " ")) {
          byte[] der = HexFormat.of().parseHex(line.substring(name.length() + 1).trim());
          return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        }
      }
      throw new AssertionError("no " + name);
    } catch (IOException | GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
