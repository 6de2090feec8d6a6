package org.rtc4j.dtls.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A Certificate message body (RFC 5246 §7.4.2, §7.4.6): the sender's certificate chain as DER
 * encodings, its own first. A client without a certificate sends an empty list.
 *
 * <pre>
 * opaque ASN.1Cert&lt;1..2^24-1&gt;;
 * struct {
 *   ASN.1Cert certificate_list&lt;0..2^24-1&gt;;
 * } Certificate;
 * </pre>
 *
 * <p>The DER inside is not looked at here.
 *
 * @param certificates the DER encodings, none empty (copied)
 */
public record CertificateMessage(List<byte[]> certificates) {
  /**
   * @throws IllegalArgumentException if an entry is empty or the body would not fit a handshake
   */
  public CertificateMessage {
    List<byte[]> copy = new ArrayList<>();
    long length = 0;
    for (byte[] der : Objects.requireNonNull(certificates, "certificates")) {
      copy.add(Vectors.copy(der, 1, Vectors.MAX_U24, "ASN.1Cert"));
      length += 3 + der.length;
    }
    // The body is the u24 list length and the list; it must itself fit a u24 handshake length.
    if (length > Vectors.MAX_U24 - 3) {
      throw new IllegalArgumentException("certificate_list of " + length + " bytes is too long");
    }
    certificates = Collections.unmodifiableList(copy);
  }

  /** The DER encodings (copies). */
  @Override
  public List<byte[]> certificates() {
    List<byte[]> out = new ArrayList<>(certificates.size());
    for (byte[] der : certificates) {
      out.add(der.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Parses a Certificate body (without the handshake header).
   *
   * @throws ParseException if the list or an entry is truncated, an entry is empty or overruns the
   *     list, or bytes follow the list
   */
  public static CertificateMessage parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "Certificate");
    int end = Vectors.listEnd(r, 3, 0, Vectors.MAX_U24 - 3, "certificate_list");
    List<byte[]> certificates = new ArrayList<>();
    while (r.position() < end) {
      int at = r.position();
      if (end - at < 3) {
        throw new ParseException("certificate_list: " + (end - at) + " stray bytes", at);
      }
      int length = r.u24();
      if (length == 0) {
        throw new ParseException("ASN.1Cert: empty", at);
      }
      if (length > end - r.position()) {
        throw new ParseException(
            "ASN.1Cert: length " + length + " overruns the certificate_list", at);
      }
      certificates.add(r.bytes(length));
    }
    Vectors.end(r, "Certificate");
    return new CertificateMessage(certificates);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    int length = 0;
    for (byte[] der : certificates) {
      length += 3 + der.length;
    }
    ByteWriter w = ByteWriter.growable(3 + length, 3 + length);
    w.u24(length);
    for (byte[] der : certificates) {
      Vectors.write(w, 3, der);
    }
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateMessage other && Vectors.equal(certificates, other.certificates);
  }

  @Override
  public int hashCode() {
    return Vectors.hash(certificates);
  }

  @Override
  public String toString() {
    return "CertificateMessage" + Vectors.hex(certificates);
  }
}
