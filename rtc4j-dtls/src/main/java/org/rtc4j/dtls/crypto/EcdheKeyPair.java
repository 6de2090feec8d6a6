package org.rtc4j.dtls.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.KeyAgreement;
import org.rtc4j.common.ParseException;
import org.rtc4j.dtls.NamedGroup;

/**
 * One side's ephemeral key for ECDHE (RFC 8422 §2): the key pair for a {@link NamedGroup}, its
 * public key as the ServerKeyExchange or ClientKeyExchange carries it, and the premaster secret it
 * agrees with the peer's public key.
 *
 * <p>The wire encodings: for X25519 the 32-byte little-endian u-coordinate (RFC 7748 §5, RFC 8422
 * §5.4.1); for P-256 and P-384 the uncompressed point {@code 0x04 || X || Y}, each coordinate
 * padded to the field's size (RFC 8422 §5.4.1, SEC 1 §2.3.3). Immutable.
 */
public final class EcdheKeyPair {
  /** RFC 7748 §5: X25519 public keys and shared secrets are 32 bytes. */
  private static final int X25519_LENGTH = 32;

  /** SEC 1 §2.3.3: the first byte of an uncompressed point. */
  private static final int UNCOMPRESSED = 0x04;

  private final NamedGroup group;
  private final PrivateKey privateKey;
  private final byte[] publicKey;

  /** The curve's parameters for P-256 and P-384; {@code null} for X25519. */
  private final ECParameterSpec curve;

  private EcdheKeyPair(
      NamedGroup group, PrivateKey privateKey, byte[] publicKey, ECParameterSpec curve) {
    this.group = group;
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.curve = curve;
  }

  /**
   * A fresh key pair for {@code group}. Its private key comes from {@code random}, so a seeded
   * {@link RandomSourceSecureRandom} gives the same key every time.
   */
  public static EcdheKeyPair generate(NamedGroup group, SecureRandom random) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(random, "random");
    try {
      if (group == NamedGroup.X25519) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("XDH");
        generator.initialize(NamedParameterSpec.X25519, random);
        KeyPair pair = generator.generateKeyPair();
        byte[] u = encodeX25519(((XECPublicKey) pair.getPublic()).getU());
        return new EcdheKeyPair(group, pair.getPrivate(), u, null);
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec(curveName(group)), random);
      KeyPair pair = generator.generateKeyPair();
      ECPublicKey ec = (ECPublicKey) pair.getPublic();
      ECParameterSpec curve = ec.getParams();
      return new EcdheKeyPair(group, pair.getPrivate(), encodePoint(ec.getW(), curve), curve);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot generate a key for " + group, e);
    }
  }

  /**
   * The X25519 key pair with this private scalar (RFC 7748 §5: clamped when used), for known-
   * answer tests.
   */
  static EcdheKeyPair ofX25519Private(byte[] scalar) {
    if (scalar.length != X25519_LENGTH) {
      throw new IllegalArgumentException("an X25519 scalar of " + scalar.length + " bytes");
    }
    try {
      PrivateKey privateKey =
          KeyFactory.getInstance("XDH")
              .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
      // RFC 7748 §6.1: the public key is X25519(scalar, 9).
      byte[] basePoint = new byte[X25519_LENGTH];
      basePoint[0] = 9;
      byte[] publicKey = x25519(privateKey, basePoint);
      return new EcdheKeyPair(NamedGroup.X25519, privateKey, publicKey, null);
    } catch (GeneralSecurityException | ParseException e) {
      throw new IllegalStateException("the JDK refused an X25519 scalar", e);
    }
  }

  /**
   * The P-256 or P-384 key pair with this private scalar and public key, for known-answer tests.
   * The caller vouches that the public key is the scalar's; it is checked to lie on the curve.
   */
  static EcdheKeyPair ofEcPrivate(NamedGroup group, byte[] scalar, byte[] publicKey) {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(curveName(group)));
      ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
      PrivateKey privateKey =
          KeyFactory.getInstance("EC")
              .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), curve));
      decodePoint(group, curve, publicKey);
      return new EcdheKeyPair(group, privateKey, publicKey.clone(), curve);
    } catch (GeneralSecurityException | ParseException e) {
      throw new IllegalArgumentException("not a " + group + " key pair", e);
    }
  }

  /** The group this key belongs to. */
  public NamedGroup group() {
    return group;
  }

  /** The public key as a KeyExchange message carries it: a fresh copy. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /**
   * The premaster secret agreed with the peer's public key (RFC 8422 §5.10): for X25519 the 32-byte
   * X25519 output (RFC 8422 §5.11); for P-256 and P-384 the shared point's x-coordinate, padded to
   * the field's size.
   *
   * @param peerPublicKey the peer's public key as its KeyExchange message carried it
   * @throws ParseException if it has the wrong length or format, is not a point on the curve, or
   *     (X25519) gives the all-zero secret of a small-order point (RFC 7748 §6.1)
   */
  public byte[] agree(byte[] peerPublicKey) throws ParseException {
    Objects.requireNonNull(peerPublicKey, "peerPublicKey");
    try {
      return curve == null ? x25519(privateKey, peerPublicKey) : ecdh(peerPublicKey);
    } catch (GeneralSecurityException e) {
      // The checks before agreement leave nothing for the JDK to refuse; if it does, the peer's
      // key is still what is wrong.
      throw new ParseException("the JDK refused the peer's " + group + " key: " + e, 0);
    }
  }

  @Override
  public String toString() {
    return "EcdheKeyPair[" + group + "]";
  }

  private static byte[] x25519(PrivateKey privateKey, byte[] peer)
      throws ParseException, GeneralSecurityException {
    if (peer.length != X25519_LENGTH) {
      throw new ParseException("an X25519 public key of " + peer.length + " bytes, not 32", 0);
    }
    // RFC 7748 §5: little-endian, and the top bit of the last byte is masked. Values at or above
    // 2^255 - 19 are accepted, as if reduced (the JDK reduces them).
    byte[] bigEndian = new byte[X25519_LENGTH];
    for (int i = 0; i < X25519_LENGTH; i++) {
      bigEndian[i] = peer[X25519_LENGTH - 1 - i];
    }
    bigEndian[0] &= 0x7F;
    PublicKey key =
        KeyFactory.getInstance("XDH")
            .generatePublic(
                new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, bigEndian)));
    KeyAgreement agreement = KeyAgreement.getInstance("XDH");
    agreement.init(privateKey);
    byte[] secret;
    try {
      agreement.doPhase(key, true);
      secret = agreement.generateSecret();
    } catch (InvalidKeyException e) {
      // The JDK refuses the all-zero output itself (RFC 7748 §6.1).
      throw new ParseException("X25519 with a small-order point: " + e.getMessage(), 0);
    }
    // RFC 8422 §5.11: abort if the result is all zeros.
    if (isAllZero(secret)) {
      throw new ParseException("X25519 with a small-order point gives the all-zero secret", 0);
    }
    return secret;
  }

  private byte[] ecdh(byte[] peer) throws ParseException, GeneralSecurityException {
    PublicKey key = decodePoint(group, curve, peer);
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(privateKey);
    agreement.doPhase(key, true);
    return leftPad(agreement.generateSecret(), fieldSize(curve));
  }

  /**
   * The public key {@code encoded} on {@code curve}, an uncompressed point checked to lie on it
   * (RFC 8422 §5.11, SEC 1 §3.2.2.1).
   */
  private static PublicKey decodePoint(NamedGroup group, ECParameterSpec curve, byte[] encoded)
      throws ParseException, GeneralSecurityException {
    int size = fieldSize(curve);
    // RFC 8422 §5.4.1: uncompressed points only; §5.1.2: compressed ones are deprecated.
    if (encoded.length != 1 + 2 * size) {
      throw new ParseException(
          "a " + group + " point of " + encoded.length + " bytes, not " + (1 + 2 * size), 0);
    }
    if (encoded[0] != UNCOMPRESSED) {
      throw new ParseException(
          String.format("a %s point of format 0x%02x, not uncompressed", group, encoded[0] & 0xFF),
          0);
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + size));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + size, 1 + 2 * size));
    EllipticCurve ec = curve.getCurve();
    BigInteger p = ((ECFieldFp) ec.getField()).getP();
    if (x.compareTo(p) >= 0) {
      throw new ParseException("the point's x is not below the field's prime", 1);
    }
    if (y.compareTo(p) >= 0) {
      throw new ParseException("the point's y is not below the field's prime", 1 + size);
    }
    // y^2 = x^3 + ax + b. Both curves have cofactor 1, so every point on them but infinity, which
    // this encoding cannot carry, lies in the group of prime order.
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.multiply(x).add(ec.getA()).multiply(x).add(ec.getB()).mod(p);
    if (!left.equals(right)) {
      throw new ParseException("the point is not on " + group, 1);
    }
    return KeyFactory.getInstance("EC")
        .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve));
  }

  private static String curveName(NamedGroup group) {
    switch (group) {
      case SECP256R1:
        return "secp256r1";
      case SECP384R1:
        return "secp384r1";
      default:
        throw new IllegalArgumentException("not a NIST curve: " + group);
    }
  }

  private static int fieldSize(ECParameterSpec curve) {
    return (curve.getCurve().getField().getFieldSize() + 7) / 8;
  }

  private static byte[] encodeX25519(BigInteger u) {
    byte[] bigEndian = leftPad(u.toByteArray(), X25519_LENGTH);
    byte[] littleEndian = new byte[X25519_LENGTH];
    for (int i = 0; i < X25519_LENGTH; i++) {
      littleEndian[i] = bigEndian[X25519_LENGTH - 1 - i];
    }
    return littleEndian;
  }

  private static byte[] encodePoint(ECPoint w, ECParameterSpec curve) {
    int size = fieldSize(curve);
    byte[] out = new byte[1 + 2 * size];
    out[0] = UNCOMPRESSED;
    System.arraycopy(leftPad(w.getAffineX().toByteArray(), size), 0, out, 1, size);
    System.arraycopy(leftPad(w.getAffineY().toByteArray(), size), 0, out, 1 + size, size);
    return out;
  }

  /**
   * {@code value}, a non-negative big-endian number, as exactly {@code size} bytes: leading zeros
   * added, or the sign byte {@link BigInteger#toByteArray()} may put in front dropped.
   */
  private static byte[] leftPad(byte[] value, int size) {
    int start = 0;
    while (value.length - start > size && value[start] == 0) {
      start++;
    }
    int length = value.length - start;
    if (length > size) {
      throw new IllegalStateException("a number of " + length + " bytes for a " + size + " field");
    }
    byte[] out = new byte[size];
    System.arraycopy(value, start, out, size - length, length);
    return out;
  }

  private static boolean isAllZero(byte[] bytes) {
    int or = 0;
    for (byte b : bytes) {
      or |= b;
    }
    return or == 0;
  }
}
