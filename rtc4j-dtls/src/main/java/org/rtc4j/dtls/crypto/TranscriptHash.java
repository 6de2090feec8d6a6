package org.rtc4j.dtls.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The running hash of the handshake messages (RFC 5246 §7.4.9, RFC 6347 §4.2.6), which the Finished
 * messages, the CertificateVerify and the extended master secret's session hash (RFC 7627 §3) are
 * computed over. It can be read at any point without ending it.
 *
 * <p>Not thread-safe.
 */
public final class TranscriptHash {
  private final MessageDigest digest;

  /**
   * An empty transcript hashed with {@code digestAlgorithm}, e.g. the cipher suite's {@link
   * org.rtc4j.dtls.CipherSuite#digestAlgorithm()}.
   *
   * @throws IllegalArgumentException if the JDK has no such digest
   */
  public TranscriptHash(String digestAlgorithm) {
    Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
    try {
      this.digest = MessageDigest.getInstance(digestAlgorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("no digest named " + digestAlgorithm, e);
    }
  }

  /** The JCA name of the hash. */
  public String digestAlgorithm() {
    return digest.getAlgorithm();
  }

  /** Adds {@code b[off, off + len)} to the transcript. */
  public void update(byte[] b, int off, int len) {
    Objects.checkFromIndexSize(off, len, b.length);
    digest.update(b, off, len);
  }

  /** Adds all of {@code b} to the transcript. */
  public void update(byte[] b) {
    digest.update(b);
  }

  /** The hash of everything added so far; the transcript goes on. */
  public byte[] current() {
    try {
      return ((MessageDigest) digest.clone()).digest();
    } catch (CloneNotSupportedException e) {
      // The JDK's own SHA-2 digests are cloneable.
      throw new IllegalStateException(digest.getAlgorithm() + " cannot be cloned", e);
    }
  }

  /** Empties the transcript, as for a new handshake. */
  public void reset() {
    digest.reset();
  }
}
