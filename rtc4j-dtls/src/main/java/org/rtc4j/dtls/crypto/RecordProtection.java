package org.rtc4j.dtls.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.spec.AlgorithmParameterSpec;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.rtc4j.dtls.CipherSuite;

/**
 * The AEAD protection of one direction's DTLS 1.2 records under one epoch's keys: AES-GCM (RFC
 * 5288) or ChaCha20-Poly1305 (RFC 7905), as the {@link CipherSuite} says.
 *
 * <p>It seals a record's plaintext fragment into the fragment sent on the wire, and opens a
 * received fragment back into plaintext; the record header is the caller's, and only its fields
 * enter here, as the additional data (RFC 5246 §6.2.3.3 with RFC 6347 §4.1.2.1):
 *
 * <pre>
 *   additional_data = epoch(2) + sequence_number(6) + type(1) + version(2) + length(2)
 * </pre>
 *
 * <p>where length is the plaintext's. A sealed GCM fragment is the 8-byte explicit nonce followed
 * by the ciphertext and the 16-byte tag; the explicit nonce rtc4j sends is the record's epoch and
 * sequence number, which never repeats under one key. A sealed ChaCha20-Poly1305 fragment is the
 * ciphertext and tag alone.
 *
 * <p>Not thread-safe: an instance reuses its {@link Cipher}s and nonce and additional-data arrays
 * from record to record, and belongs to one owner thread.
 */
public final class RecordProtection {
  /** RFC 5116 §5.1, RFC 8439 §2.8: every AEAD here has a 16-byte tag. */
  private static final int TAG_LENGTH = 16;

  /** RFC 5288 §3, RFC 7905 §2: the per-record nonce is 12 bytes for both AEADs. */
  private static final int NONCE_LENGTH = 12;

  private static final int ADDITIONAL_DATA_LENGTH = 13;

  /** RFC 6347 §4.1: a record's length field is a uint16. */
  private static final int MAX_FRAGMENT_LENGTH = 0xFFFF;

  private final CipherSuite suite;
  private final boolean gcm;
  private final SecretKeySpec key;
  private final byte[] fixedIv;
  private final Cipher sealCipher;
  private final Cipher openCipher;
  private final byte[] nonce = new byte[NONCE_LENGTH];
  private final byte[] additionalData = new byte[ADDITIONAL_DATA_LENGTH];

  /**
   * The nonce {@link #openCipher} was last initialised with (all zeros before the first, which at
   * worst costs one needless initialisation).
   */
  private final byte[] lastOpenNonce = new byte[NONCE_LENGTH];

  /** Holds the input when the caller's input and output overlap; grown on demand. */
  private byte[] scratch = new byte[0];

  private RecordProtection(CipherSuite suite, byte[] key, byte[] fixedIv) {
    this.suite = suite;
    this.gcm = suite.explicitNonceLength() > 0;
    String cipher = gcm ? "AES/GCM/NoPadding" : "ChaCha20-Poly1305";
    this.key = new SecretKeySpec(key, gcm ? "AES" : "ChaCha20");
    this.fixedIv = fixedIv.clone();
    try {
      this.sealCipher = Cipher.getInstance(cipher);
      this.openCipher = Cipher.getInstance(cipher);
    } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
      throw new IllegalStateException("the JDK lacks " + cipher, e);
    }
  }

  /**
   * The protection for {@code suite} under a write key and its IV from the key block (RFC 5246
   * §6.3): the client's to seal what the client sends and to open it at the server, the server's
   * the other way.
   *
   * @param key {@code suite.keyLength()} bytes
   * @param fixedIv {@code suite.fixedIvLength()} bytes: the implicit part of the GCM nonce (RFC
   *     5288 §3), or the whole IV for ChaCha20-Poly1305 (RFC 7905 §2)
   * @throws IllegalArgumentException if a length is wrong
   */
  public static RecordProtection create(CipherSuite suite, byte[] key, byte[] fixedIv) {
    Objects.requireNonNull(suite, "suite");
    if (key.length != suite.keyLength()) {
      throw new IllegalArgumentException(
          suite + " wants a " + suite.keyLength() + "-byte key, not " + key.length);
    }
    if (fixedIv.length != suite.fixedIvLength()) {
      throw new IllegalArgumentException(
          suite + " wants a " + suite.fixedIvLength() + "-byte IV, not " + fixedIv.length);
    }
    return new RecordProtection(suite, key, fixedIv);
  }

  /** The cipher suite whose AEAD this is. */
  public CipherSuite suite() {
    return suite;
  }

  /** How many bytes sealing adds to a plaintext: the explicit nonce, if any, and the tag. */
  public int overhead() {
    return suite.explicitNonceLength() + TAG_LENGTH;
  }

  /**
   * Seals one record's plaintext fragment into {@code out[outOff, outOff + inLen + overhead())}.
   * {@code in} and {@code out} may be the same array, with the regions overlapping in any way.
   *
   * @param epochAndSequence the record's epoch (top 16 bits) and 48-bit sequence number
   * @param contentType the record's content type, 0..255
   * @param version the record's version on the wire, e.g. 0xFEFD for DTLS 1.2
   * @return the bytes written, {@code inLen + overhead()}
   * @throws IndexOutOfBoundsException if a region lies outside its array
   * @throws IllegalArgumentException if the sealed fragment would not fit a record's 16-bit length
   * @throws IllegalStateException if this epoch and sequence number was just sealed (the JDK
   *     refuses to encrypt twice under one nonce, and so must the caller)
   */
  public int seal(
      long epochAndSequence,
      int contentType,
      int version,
      byte[] in,
      int inOff,
      int inLen,
      byte[] out,
      int outOff) {
    Objects.checkFromIndexSize(inOff, inLen, in.length);
    int explicitNonceLength = suite.explicitNonceLength();
    int sealedLength = inLen + overhead();
    if (sealedLength > MAX_FRAGMENT_LENGTH) {
      throw new IllegalArgumentException("a sealed fragment of " + sealedLength + " bytes");
    }
    Objects.checkFromIndexSize(outOff, sealedLength, out.length);
    setNonce(epochAndSequence);
    setAdditionalData(epochAndSequence, contentType, version, inLen);
    byte[] source = in;
    int sourceOff = inOff;
    if (in == out && overlaps(inOff, inLen, outOff, sealedLength)) {
      source = copyToScratch(in, inOff, inLen);
      sourceOff = 0;
    }
    int written;
    try {
      sealCipher.init(Cipher.ENCRYPT_MODE, key, parameters());
      sealCipher.updateAAD(additionalData);
      written = sealCipher.doFinal(source, sourceOff, inLen, out, outOff + explicitNonceLength);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot seal record " + Long.toHexString(epochAndSequence) + " with " + suite, e);
    }
    if (gcm) {
      // RFC 5288 §3: the explicit nonce travels in front of the ciphertext.
      System.arraycopy(nonce, fixedIv.length, out, outOff, explicitNonceLength);
    }
    return explicitNonceLength + written;
  }

  /**
   * Opens one received record fragment into {@code out[outOff, outOff + inLen - overhead())}.
   * {@code in} and {@code out} may be the same array, with the regions overlapping in any way.
   *
   * @param epochAndSequence the epoch and sequence number from the record's header
   * @param contentType the content type from the record's header
   * @param version the version from the record's header
   * @return the plaintext's length, or -1 if the fragment is shorter than {@link #overhead()},
   *     longer than a record's 16-bit length allows, or fails authentication; after -1 the output
   *     region may hold garbage
   * @throws IndexOutOfBoundsException if a region lies outside its array, or {@code out} has no
   *     room for {@code inLen - overhead()} bytes
   */
  public int open(
      long epochAndSequence,
      int contentType,
      int version,
      byte[] in,
      int inOff,
      int inLen,
      byte[] out,
      int outOff) {
    Objects.checkFromIndexSize(inOff, inLen, in.length);
    int plaintextLength = inLen - overhead();
    if (plaintextLength < 0 || inLen > MAX_FRAGMENT_LENGTH) {
      return -1;
    }
    Objects.checkFromIndexSize(outOff, plaintextLength, out.length);
    int explicitNonceLength = suite.explicitNonceLength();
    if (gcm) {
      // RFC 5288 §3: nonce = salt (the fixed IV) + nonce_explicit, as the sender chose it.
      System.arraycopy(fixedIv, 0, nonce, 0, fixedIv.length);
      System.arraycopy(in, inOff, nonce, fixedIv.length, explicitNonceLength);
    } else {
      setNonce(epochAndSequence);
    }
    setAdditionalData(epochAndSequence, contentType, version, plaintextLength);
    byte[] source = in;
    int sourceOff = inOff + explicitNonceLength;
    int sourceLength = inLen - explicitNonceLength;
    if (in == out && overlaps(sourceOff, sourceLength, outOff, plaintextLength)) {
      source = copyToScratch(in, sourceOff, sourceLength);
      sourceOff = 0;
    }
    try {
      if (!gcm && Arrays.equals(nonce, lastOpenNonce)) {
        // The JDK's ChaCha20-Poly1305 refuses to be initialised twice in a row with the same key
        // and nonce, even to decrypt. A duplicated or forged record repeats the nonce, so an
        // initialisation with another nonce goes in between.
        nonce[0] ^= 1;
        openCipher.init(Cipher.DECRYPT_MODE, key, parameters());
        nonce[0] ^= 1;
      }
      openCipher.init(Cipher.DECRYPT_MODE, key, parameters());
      System.arraycopy(nonce, 0, lastOpenNonce, 0, NONCE_LENGTH);
      openCipher.updateAAD(additionalData);
      return openCipher.doFinal(source, sourceOff, sourceLength, out, outOff);
    } catch (BadPaddingException e) {
      // AEADBadTagException: forged, damaged, or sealed under another key or header.
      return -1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot open record " + Long.toHexString(epochAndSequence) + " with " + suite, e);
    }
  }

  /**
   * The nonce for sealing, and for opening ChaCha20-Poly1305: for GCM the fixed IV followed by the
   * explicit nonce, which rtc4j makes the epoch and sequence number (RFC 5288 §3); for
   * ChaCha20-Poly1305 the IV XOR the left-padded epoch and sequence number (RFC 7905 §2).
   */
  private void setNonce(long epochAndSequence) {
    if (gcm) {
      System.arraycopy(fixedIv, 0, nonce, 0, fixedIv.length);
      putLong(nonce, fixedIv.length, epochAndSequence);
    } else {
      System.arraycopy(fixedIv, 0, nonce, 0, NONCE_LENGTH);
      for (int i = 0; i < Long.BYTES; i++) {
        nonce[4 + i] ^= (byte) (epochAndSequence >>> (56 - 8 * i));
      }
    }
  }

  /** RFC 6347 §4.1.2.1: the DTLS additional data puts the epoch in front of the sequence. */
  private void setAdditionalData(
      long epochAndSequence, int contentType, int version, int plaintextLength) {
    putLong(additionalData, 0, epochAndSequence);
    additionalData[8] = (byte) contentType;
    additionalData[9] = (byte) (version >>> 8);
    additionalData[10] = (byte) version;
    additionalData[11] = (byte) (plaintextLength >>> 8);
    additionalData[12] = (byte) plaintextLength;
  }

  private AlgorithmParameterSpec parameters() {
    return gcm ? new GCMParameterSpec(TAG_LENGTH * Byte.SIZE, nonce) : new IvParameterSpec(nonce);
  }

  private byte[] copyToScratch(byte[] in, int off, int len) {
    if (scratch.length < len) {
      scratch = new byte[len];
    }
    System.arraycopy(in, off, scratch, 0, len);
    return scratch;
  }

  private static boolean overlaps(int aOff, int aLen, int bOff, int bLen) {
    return aLen > 0 && bLen > 0 && aOff < bOff + bLen && bOff < aOff + aLen;
  }

  private static void putLong(byte[] to, int at, long v) {
    for (int i = 0; i < Long.BYTES; i++) {
      to[at + i] = (byte) (v >>> (56 - 8 * i));
    }
  }
}
