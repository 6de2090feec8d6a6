package org.rtc4j.dtls.handshake;

import java.util.Arrays;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A CertificateVerify body (RFC 5246 §7.4.8, §4.7): the client's signature over the handshake
 * messages so far.
 *
 * <pre>
 * struct {
 *   SignatureAndHashAlgorithm algorithm;    // u16
 *   opaque signature&lt;0..2^16-1&gt;;
 * } CertificateVerify;
 * </pre>
 *
 * @param signatureScheme the SignatureAndHashAlgorithm as a u16, e.g. 0x0403
 *     (ecdsa_secp256r1_sha256)
 * @param signature the signature (copied)
 */
public record CertificateVerify(int signatureScheme, byte[] signature) {
  /**
   * @throws IllegalArgumentException if the scheme does not fit 16 bits or the signature is longer
   *     than 2^16-1 bytes
   */
  public CertificateVerify {
    Vectors.checkU16(signatureScheme, "algorithm");
    signature = Vectors.copy(signature, 0, Vectors.MAX_U16, "signature");
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * Parses a CertificateVerify body (without the handshake header).
   *
   * @throws ParseException if it is truncated or bytes follow the signature
   */
  public static CertificateVerify parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "CertificateVerify");
    int scheme = r.u16();
    byte[] signature = Vectors.opaque16(r, 0, Vectors.MAX_U16, "signature");
    Vectors.end(r, "CertificateVerify");
    return new CertificateVerify(scheme, signature);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    ByteWriter w = ByteWriter.growable(4 + signature.length, 4 + signature.length);
    w.u16(signatureScheme);
    Vectors.write(w, 2, signature);
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateVerify other
        && signatureScheme == other.signatureScheme
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return 31 * signatureScheme + Arrays.hashCode(signature);
  }

  @Override
  public String toString() {
    return "CertificateVerify[scheme "
        + String.format("%04x", signatureScheme)
        + ", signature "
        + Vectors.hex(signature)
        + "]";
  }
}
