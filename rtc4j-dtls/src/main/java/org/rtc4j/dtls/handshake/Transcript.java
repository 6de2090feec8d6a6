package org.rtc4j.dtls.handshake;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The handshake messages as both sides hash them: each as if sent in one fragment, with its 12-byte
 * DTLS header (RFC 6347 §4.2.6). The bytes are kept, not just a running hash, because the
 * CertificateVerify signature may use another hash than the PRF.
 */
public final class Transcript {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

  /** Adds a message. */
  public void add(int type, int messageSeq, byte[] body) {
    bytes.writeBytes(HandshakeFragment.header(type, body.length, messageSeq, 0, body.length));
    bytes.writeBytes(body);
  }

  /** Everything so far, for signing. */
  public byte[] bytes() {
    return bytes.toByteArray();
  }

  /** The hash of everything so far. */
  public byte[] hash(String digestAlgorithm) {
    try {
      return MessageDigest.getInstance(digestAlgorithm).digest(bytes.toByteArray());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + digestAlgorithm, e);
    }
  }

  /** Forgets everything: a HelloVerifyRequest restarts the transcript (RFC 6347 §4.2.1). */
  public void reset() {
    bytes.reset();
  }
}
