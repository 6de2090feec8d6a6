package org.rtc4j.dtls.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.rtc4j.dtls.CipherSuite;

/**
 * The TLS 1.2 pseudorandom function (RFC 5246 §5), which DTLS 1.2 uses unchanged (RFC 6347 §4.2),
 * and the secrets derived with it: the master secret (RFC 5246 §8.1, RFC 7627 §4), the key block
 * (RFC 5246 §6.3), the Finished message's verify_data (RFC 5246 §7.4.9) and the keying material
 * exporter (RFC 5705 §4).
 *
 * <p>Every cipher suite rtc4j speaks names the PRF's hash: {@code P_SHA256} or {@code P_SHA384}.
 */
public final class Prf {
  /** RFC 5246 §8.1: the master secret is always 48 bytes. */
  public static final int MASTER_SECRET_LENGTH = 48;

  /** RFC 5246 §7.4.1.2: each hello's random is 32 bytes. */
  public static final int RANDOM_LENGTH = 32;

  /** RFC 5246 §7.4.9: verify_data_length is 12 for every cipher suite rtc4j speaks. */
  public static final int VERIFY_DATA_LENGTH = 12;

  private Prf() {}

  /**
   * {@code PRF(secret, label, seed)} cut to {@code length} bytes (RFC 5246 §5): {@code
   * P_hash(secret, label + seed)}.
   *
   * @param hmacAlgorithm the JCA name of the HMAC, e.g. {@code HmacSHA256}
   * @param label ASCII text, without a terminating zero
   * @param seed the seed, already concatenated
   * @throws IllegalArgumentException for an HMAC the JDK lacks, a label that is not ASCII or a
   *     negative length
   */
  public static byte[] compute(
      String hmacAlgorithm, byte[] secret, String label, byte[] seed, int length) {
    return compute(hmacAlgorithm, secret, label, seed, new byte[0], length);
  }

  /**
   * {@code PRF(secret, label, seed1 + seed2)} cut to {@code length} bytes (RFC 5246 §5), for the
   * many seeds made of two randoms.
   *
   * @throws IllegalArgumentException as {@link #compute(String, byte[], String, byte[], int)}
   */
  public static byte[] compute(
      String hmacAlgorithm, byte[] secret, String label, byte[] seed1, byte[] seed2, int length) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(seed1, "seed1");
    Objects.requireNonNull(seed2, "seed2");
    if (length < 0) {
      throw new IllegalArgumentException("negative PRF length: " + length);
    }
    byte[] labelBytes = ascii(label);
    byte[] out = new byte[length];
    Mac mac = mac(hmacAlgorithm, secret);
    int hashLength = mac.getMacLength();
    // RFC 5246 §5: A(0) = seed; A(i) = HMAC_hash(secret, A(i-1));
    // P_hash = HMAC_hash(secret, A(1) + seed) + HMAC_hash(secret, A(2) + seed) + ...
    // where seed is label + seed for the PRF.
    mac.update(labelBytes);
    mac.update(seed1);
    mac.update(seed2);
    byte[] a = mac.doFinal();
    byte[] block = new byte[hashLength];
    try {
      for (int written = 0; written < length; written += hashLength) {
        mac.update(a);
        mac.update(labelBytes);
        mac.update(seed1);
        mac.update(seed2);
        mac.doFinal(block, 0);
        System.arraycopy(block, 0, out, written, Math.min(hashLength, length - written));
        if (written + hashLength < length) {
          mac.update(a);
          mac.doFinal(a, 0);
        }
      }
    } catch (ShortBufferException e) {
      throw new IllegalStateException("an HMAC wrote more than its own length", e);
    }
    return out;
  }

  /**
   * The master secret without the extended master secret extension (RFC 5246 §8.1): {@code
   * PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]}.
   *
   * @throws IllegalArgumentException if a random is not 32 bytes
   */
  public static byte[] masterSecret(
      CipherSuite suite, byte[] preMaster, byte[] clientRandom, byte[] serverRandom) {
    requireRandom(clientRandom, "client random");
    requireRandom(serverRandom, "server random");
    return compute(
        suite.hmacAlgorithm(),
        preMaster,
        "master secret",
        clientRandom,
        serverRandom,
        MASTER_SECRET_LENGTH);
  }

  /**
   * The extended master secret (RFC 7627 §4): {@code PRF(pre_master_secret, "extended master
   * secret", session_hash)[0..47]}, where the session hash is the transcript hash up to and
   * including the ClientKeyExchange (RFC 7627 §3).
   */
  public static byte[] extendedMasterSecret(
      CipherSuite suite, byte[] preMaster, byte[] sessionHash) {
    return compute(
        suite.hmacAlgorithm(),
        preMaster,
        "extended master secret",
        sessionHash,
        MASTER_SECRET_LENGTH);
  }

  /**
   * The key block (RFC 5246 §6.3): {@code PRF(master_secret, "key expansion", server_random +
   * client_random)}, the server's random first, unlike everywhere else. With AEAD suites it holds
   * client_write_key, server_write_key, client_write_IV, server_write_IV in that order (no MAC
   * keys).
   *
   * @throws IllegalArgumentException if the master secret is not 48 bytes or a random not 32
   */
  public static byte[] keyBlock(
      CipherSuite suite,
      byte[] masterSecret,
      byte[] clientRandom,
      byte[] serverRandom,
      int length) {
    requireMasterSecret(masterSecret);
    requireRandom(clientRandom, "client random");
    requireRandom(serverRandom, "server random");
    return compute(
        suite.hmacAlgorithm(), masterSecret, "key expansion", serverRandom, clientRandom, length);
  }

  /**
   * A Finished message's verify_data (RFC 5246 §7.4.9): {@code PRF(master_secret, finished_label,
   * Hash(handshake_messages))[0..11]}, where the label is "client finished" or "server finished".
   *
   * @param client whether the client sends this Finished
   * @param handshakeHash the transcript hash up to, not including, this Finished
   * @throws IllegalArgumentException if the master secret is not 48 bytes
   */
  public static byte[] verifyData(
      CipherSuite suite, byte[] masterSecret, boolean client, byte[] handshakeHash) {
    requireMasterSecret(masterSecret);
    return compute(
        suite.hmacAlgorithm(),
        masterSecret,
        client ? "client finished" : "server finished",
        handshakeHash,
        VERIFY_DATA_LENGTH);
  }

  /**
   * Keying material exported from the session (RFC 5705 §4): {@code PRF(master_secret, label,
   * client_random + server_random [+ context_value_length + context_value])}. DTLS-SRTP uses the
   * label "EXTRACTOR-dtls_srtp" and no context (RFC 5764 §4.2).
   *
   * @param context the context value, or {@code null} for none; an empty context differs from none
   * @throws IllegalArgumentException if the master secret is not 48 bytes, a random not 32, or the
   *     context longer than 65535 bytes
   */
  public static byte[] exporter(
      CipherSuite suite,
      byte[] masterSecret,
      String label,
      byte[] clientRandom,
      byte[] serverRandom,
      byte[] context,
      int length) {
    requireMasterSecret(masterSecret);
    requireRandom(clientRandom, "client random");
    requireRandom(serverRandom, "server random");
    byte[] seed;
    if (context == null) {
      seed = new byte[2 * RANDOM_LENGTH];
    } else {
      if (context.length > 0xFFFF) {
        throw new IllegalArgumentException("exporter context of " + context.length + " bytes");
      }
      // RFC 5705 §4: the context is preceded by its length as a uint16.
      seed = new byte[2 * RANDOM_LENGTH + 2 + context.length];
      seed[2 * RANDOM_LENGTH] = (byte) (context.length >>> 8);
      seed[2 * RANDOM_LENGTH + 1] = (byte) context.length;
      System.arraycopy(context, 0, seed, 2 * RANDOM_LENGTH + 2, context.length);
    }
    System.arraycopy(clientRandom, 0, seed, 0, RANDOM_LENGTH);
    System.arraycopy(serverRandom, 0, seed, RANDOM_LENGTH, RANDOM_LENGTH);
    return compute(suite.hmacAlgorithm(), masterSecret, label, seed, length);
  }

  private static Mac mac(String hmacAlgorithm, byte[] secret) {
    Mac mac;
    try {
      mac = Mac.getInstance(hmacAlgorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("no HMAC named " + hmacAlgorithm, e);
    }
    // SecretKeySpec refuses an empty key. HMAC pads a short key with zeros to the hash's block
    // size (RFC 2104 §2), so the empty key and a single zero byte are the same key.
    byte[] key = secret.length == 0 ? new byte[1] : secret;
    try {
      mac.init(new SecretKeySpec(key, hmacAlgorithm));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(hmacAlgorithm + " refused a raw key", e);
    }
    return mac;
  }

  private static byte[] ascii(String label) {
    for (int i = 0; i < label.length(); i++) {
      if (label.charAt(i) > 0x7F) {
        throw new IllegalArgumentException("PRF label is not ASCII: " + label);
      }
    }
    return label.getBytes(StandardCharsets.US_ASCII);
  }

  private static void requireRandom(byte[] random, String what) {
    if (random.length != RANDOM_LENGTH) {
      throw new IllegalArgumentException(what + " of " + random.length + " bytes, not 32");
    }
  }

  private static void requireMasterSecret(byte[] masterSecret) {
    if (masterSecret.length != MASTER_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "master secret of " + masterSecret.length + " bytes, not 48");
    }
  }
}
