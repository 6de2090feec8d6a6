package org.rtc4j.dtls.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtc4j.common.ParseException;
import org.rtc4j.common.RandomSource;
import org.rtc4j.dtls.NamedGroup;

class EcdheKeyPairTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new RandomSourceSecureRandom(RandomSource.seeded(7));

  // RFC 7748 §6.1
  private static final String ALICE_PRIVATE =
      "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
  private static final String ALICE_PUBLIC =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
  private static final String BOB_PRIVATE =
      "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
  private static final String BOB_PUBLIC =
      "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
  private static final String SHARED =
      "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

  // RFC 5903 §8.1, 256-bit random ECP group: i, g^i, r, g^r, x of g^ir.
  private static final String P256_I =
      "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433";
  private static final String P256_GI =
      "04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c3772581180"
          + "5271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3";
  private static final String P256_R =
      "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53";
  private static final String P256_GR =
      "04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf63"
          + "56fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab";
  private static final String P256_GIR =
      "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de";

  // RFC 5903 §8.2, 384-bit random ECP group.
  private static final String P384_I =
      "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655"
          + "e35b538041e649ee3faef896783ab194";
  private static final String P384_GI =
      "04667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6"
          + "de3ac808acb4bdb4c88732aee95f41aa9482ed1fc0eeb9cafc4984625ccfc23f"
          + "65032149e0e144ada024181535a0f38eeb9fcff3c2c947dae69b4c634573a81c";
  private static final String P384_GR =
      "04e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d"
          + "0d1ac43a0336def96fda41d0774a3571dcfbec7aacf3196472169e838430367f"
          + "66eebe3c6e70c416dd5f0c68759dd1fff83fa40142209dff5eaad96db9e6386c";
  private static final String P384_GIR =
      "11187331c279962d93d604243fd592cb9d0a926f422e47187521287e7156c5c4"
          + "d603135569b9e9d09cf5d4a270f59746";

  @Test
  void x25519AgreesAsRfc7748Says() throws ParseException {
    EcdheKeyPair alice = EcdheKeyPair.ofX25519Private(HEX.parseHex(ALICE_PRIVATE));
    EcdheKeyPair bob = EcdheKeyPair.ofX25519Private(HEX.parseHex(BOB_PRIVATE));
    assertEquals(ALICE_PUBLIC, HEX.formatHex(alice.publicKey()));
    assertEquals(BOB_PUBLIC, HEX.formatHex(bob.publicKey()));
    assertEquals(SHARED, HEX.formatHex(alice.agree(HEX.parseHex(BOB_PUBLIC))));
    assertEquals(SHARED, HEX.formatHex(bob.agree(HEX.parseHex(ALICE_PUBLIC))));
  }

  @Test
  void x25519IgnoresTheTopBitAndReducesNonCanonicalValues() throws ParseException {
    // RFC 7748 §5: mask the most significant bit; accept u >= 2^255 - 19 as if reduced.
    EcdheKeyPair alice = EcdheKeyPair.ofX25519Private(HEX.parseHex(ALICE_PRIVATE));
    byte[] topBitSet = HEX.parseHex(BOB_PUBLIC);
    topBitSet[31] |= (byte) 0x80;
    assertEquals(SHARED, HEX.formatHex(alice.agree(topBitSet)));
    // 2^255 - 19 + 9 is the base point, so the result is Alice's public key.
    byte[] nonCanonicalNine =
        littleEndian(BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(10)));
    assertEquals(ALICE_PUBLIC, HEX.formatHex(alice.agree(nonCanonicalNine)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000080",
      })
  void x25519RefusesSmallOrderPoints(String point) {
    // RFC 7748 §6.1, RFC 8422 §5.11: these give the all-zero secret.
    EcdheKeyPair alice = EcdheKeyPair.ofX25519Private(HEX.parseHex(ALICE_PRIVATE));
    assertThrows(ParseException.class, () -> alice.agree(HEX.parseHex(point)));
    EcdheKeyPair fresh = EcdheKeyPair.generate(NamedGroup.X25519, RANDOM);
    assertThrows(ParseException.class, () -> fresh.agree(HEX.parseHex(point)));
  }

  @Test
  void x25519RefusesTheWrongLength() {
    EcdheKeyPair key = EcdheKeyPair.generate(NamedGroup.X25519, RANDOM);
    for (int length : new int[] {0, 1, 31, 33, 65}) {
      byte[] bytes = new byte[length];
      Arrays.fill(bytes, (byte) 9);
      assertThrows(ParseException.class, () -> key.agree(bytes), "" + length);
    }
  }

  @Test
  void p256AgreesAsRfc5903Says() throws ParseException {
    EcdheKeyPair i =
        EcdheKeyPair.ofEcPrivate(NamedGroup.SECP256R1, HEX.parseHex(P256_I), HEX.parseHex(P256_GI));
    EcdheKeyPair r =
        EcdheKeyPair.ofEcPrivate(NamedGroup.SECP256R1, HEX.parseHex(P256_R), HEX.parseHex(P256_GR));
    assertEquals(P256_GIR, HEX.formatHex(i.agree(HEX.parseHex(P256_GR))));
    assertEquals(P256_GIR, HEX.formatHex(r.agree(HEX.parseHex(P256_GI))));
  }

  @Test
  void p384AgreesAsRfc5903Says() throws ParseException {
    EcdheKeyPair i =
        EcdheKeyPair.ofEcPrivate(NamedGroup.SECP384R1, HEX.parseHex(P384_I), HEX.parseHex(P384_GI));
    assertEquals(P384_GIR, HEX.formatHex(i.agree(HEX.parseHex(P384_GR))));
  }

  @ParameterizedTest
  @EnumSource(NamedGroup.class)
  void twoFreshPairsAgreeAndEncodeAtTheExactLength(NamedGroup group) throws ParseException {
    for (int round = 0; round < 20; round++) {
      EcdheKeyPair a = EcdheKeyPair.generate(group, RANDOM);
      EcdheKeyPair b = EcdheKeyPair.generate(group, RANDOM);
      assertEquals(group, a.group());
      int publicLength = group == NamedGroup.X25519 ? 32 : group == NamedGroup.SECP256R1 ? 65 : 97;
      int secretLength = group == NamedGroup.SECP384R1 ? 48 : 32;
      assertEquals(publicLength, a.publicKey().length);
      if (group != NamedGroup.X25519) {
        assertEquals(0x04, a.publicKey()[0]);
      }
      byte[] ab = a.agree(b.publicKey());
      assertEquals(secretLength, ab.length);
      assertArrayEquals(ab, b.agree(a.publicKey()));
      assertFalse(Arrays.equals(a.publicKey(), b.publicKey()));
    }
  }

  @ParameterizedTest
  @EnumSource(NamedGroup.class)
  void aSeededRandomGivesTheSameKey(NamedGroup group) {
    // What lets a seeded test replay a handshake byte for byte.
    byte[] first =
        EcdheKeyPair.generate(group, new RandomSourceSecureRandom(RandomSource.seeded(42)))
            .publicKey();
    byte[] second =
        EcdheKeyPair.generate(group, new RandomSourceSecureRandom(RandomSource.seeded(42)))
            .publicKey();
    assertArrayEquals(first, second);
  }

  @Test
  void publicKeyIsACopy() {
    EcdheKeyPair key = EcdheKeyPair.generate(NamedGroup.SECP256R1, RANDOM);
    byte[] mine = key.publicKey();
    mine[1] ^= 1;
    assertFalse(Arrays.equals(mine, key.publicKey()));
  }

  @ParameterizedTest
  @EnumSource(
      value = NamedGroup.class,
      names = {"SECP256R1", "SECP384R1"})
  void nistCurvesRefuseMalformedPoints(NamedGroup group) {
    EcdheKeyPair key = EcdheKeyPair.generate(group, RANDOM);
    byte[] good = EcdheKeyPair.generate(group, RANDOM).publicKey();
    int size = (good.length - 1) / 2;

    byte[] offCurve = good.clone();
    offCurve[offCurve.length - 1] ^= 1;
    assertRefused(key, offCurve, "off the curve");

    assertRefused(key, new byte[] {0x00}, "infinity");
    byte[] zeros = new byte[good.length];
    zeros[0] = 0x04;
    assertRefused(key, zeros, "(0, 0)");

    byte[] compressed = new byte[1 + size];
    compressed[0] = (byte) (0x02 + (good[good.length - 1] & 1));
    System.arraycopy(good, 1, compressed, 1, size);
    assertRefused(key, compressed, "compressed");
    byte[] compressedFormatFullLength = good.clone();
    compressedFormatFullLength[0] = 0x02;
    assertRefused(key, compressedFormatFullLength, "compressed format byte");
    byte[] hybrid = good.clone();
    hybrid[0] = (byte) (0x06 + (good[good.length - 1] & 1));
    assertRefused(key, hybrid, "hybrid");

    assertRefused(key, new byte[0], "empty");
    assertRefused(key, Arrays.copyOf(good, good.length - 1), "short");
    assertRefused(key, Arrays.copyOf(good, good.length + 1), "long");
    NamedGroup other = group == NamedGroup.SECP256R1 ? NamedGroup.SECP384R1 : NamedGroup.SECP256R1;
    assertRefused(key, EcdheKeyPair.generate(other, RANDOM).publicKey(), "the other curve");
    assertRefused(
        key, EcdheKeyPair.generate(NamedGroup.X25519, RANDOM).publicKey(), "an X25519 key");

    // x = p: a coordinate not reduced modulo the prime.
    byte[] xIsP = good.clone();
    byte[] p = fieldPrime(group);
    System.arraycopy(p, 0, xIsP, 1, size);
    assertRefused(key, xIsP, "x = p");
    byte[] allOnes = new byte[good.length];
    Arrays.fill(allOnes, (byte) 0xFF);
    allOnes[0] = 0x04;
    assertRefused(key, allOnes, "coordinates above p");
  }

  private static void assertRefused(EcdheKeyPair key, byte[] peer, String what) {
    assertThrows(ParseException.class, () -> key.agree(peer), what);
  }

  private static byte[] fieldPrime(NamedGroup group) {
    String hex =
        group == NamedGroup.SECP256R1
            ? "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"
            : "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                + "fffeffffffff0000000000000000ffffffff";
    return HEX.parseHex(hex);
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] bigEndian = value.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < bigEndian.length; i++) {
      out[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return out;
  }
}
