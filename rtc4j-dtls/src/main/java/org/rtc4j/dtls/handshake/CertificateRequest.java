package org.rtc4j.dtls.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.rtc4j.common.ByteReader;
import org.rtc4j.common.ByteWriter;
import org.rtc4j.common.ParseException;

/**
 * A CertificateRequest body (RFC 5246 §7.4.4): the server asks the client for a certificate.
 *
 * <pre>
 * struct {
 *   ClientCertificateType certificate_types&lt;1..2^8-1&gt;;
 *   SignatureAndHashAlgorithm supported_signature_algorithms&lt;2..2^16-2&gt;;
 *   DistinguishedName certificate_authorities&lt;0..2^16-1&gt;;
 * } CertificateRequest;
 * opaque DistinguishedName&lt;1..2^16-1&gt;;
 * </pre>
 *
 * (RFC 5246 prints the middle bound as {@code <2^16-1>}; the list holds two-byte entries, at least
 * one, as in the signature_algorithms extension.)
 *
 * @param certificateTypes the ClientCertificateType values, e.g. 64 for ecdsa_sign (copied)
 * @param signatureSchemes the SignatureAndHashAlgorithm values as u16, at least one (copied)
 * @param authorities DER-encoded distinguished names, none empty; usually none (copied)
 */
public record CertificateRequest(
    byte[] certificateTypes, int[] signatureSchemes, List<byte[]> authorities) {
  /** ClientCertificateType rsa_sign (RFC 5246 §7.4.4). */
  public static final int RSA_SIGN = 1;

  /** ClientCertificateType ecdsa_sign (RFC 8422 §5.5). */
  public static final int ECDSA_SIGN = 64;

  /**
   * @throws IllegalArgumentException if a field breaks the grammar above
   */
  public CertificateRequest {
    certificateTypes = Vectors.copy(certificateTypes, 1, Vectors.MAX_U8, "certificate_types");
    signatureSchemes =
        Vectors.copyU16s(
            signatureSchemes, 1, (Vectors.MAX_U16 - 1) / 2, "supported_signature_algorithms");
    List<byte[]> copy = new ArrayList<>();
    int length = 0;
    for (byte[] name : Objects.requireNonNull(authorities, "authorities")) {
      copy.add(Vectors.copy(name, 1, Vectors.MAX_U16, "DistinguishedName"));
      length += 2 + name.length;
      if (length > Vectors.MAX_U16) {
        throw new IllegalArgumentException("certificate_authorities too long");
      }
    }
    authorities = Collections.unmodifiableList(copy);
  }

  @Override
  public byte[] certificateTypes() {
    return certificateTypes.clone();
  }

  @Override
  public int[] signatureSchemes() {
    return signatureSchemes.clone();
  }

  /** The distinguished names (copies). */
  @Override
  public List<byte[]> authorities() {
    List<byte[]> out = new ArrayList<>(authorities.size());
    for (byte[] name : authorities) {
      out.add(name.clone());
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Parses a CertificateRequest body (without the handshake header).
   *
   * @throws ParseException if it breaks the grammar above or has bytes after its end
   */
  public static CertificateRequest parse(byte[] body) throws ParseException {
    ByteReader r = Vectors.reader(body, "CertificateRequest");
    byte[] types = Vectors.opaque8(r, 1, Vectors.MAX_U8, "certificate_types");
    int[] schemes = Vectors.u16List(r, 2, 2, Vectors.MAX_U16 - 1, "supported_signature_algorithms");
    int end = Vectors.listEnd(r, 2, 0, Vectors.MAX_U16, "certificate_authorities");
    List<byte[]> authorities = new ArrayList<>();
    while (r.position() < end) {
      int at = r.position();
      if (end - at < 2) {
        throw new ParseException("certificate_authorities: a stray byte", at);
      }
      int length = r.u16();
      if (length == 0) {
        throw new ParseException("DistinguishedName: empty", at);
      }
      if (length > end - r.position()) {
        throw new ParseException(
            "DistinguishedName: length " + length + " overruns certificate_authorities", at);
      }
      authorities.add(r.bytes(length));
    }
    Vectors.end(r, "CertificateRequest");
    return new CertificateRequest(types, schemes, authorities);
  }

  /** The body, without the handshake header. */
  public byte[] encode() {
    int names = 0;
    for (byte[] name : authorities) {
      names += 2 + name.length;
    }
    int length = 1 + certificateTypes.length + 2 + 2 * signatureSchemes.length + 2 + names;
    ByteWriter w = ByteWriter.growable(length, length);
    Vectors.write(w, 1, certificateTypes);
    Vectors.writeU16List(w, 2, signatureSchemes);
    w.u16(names);
    for (byte[] name : authorities) {
      Vectors.write(w, 2, name);
    }
    return w.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateRequest other
        && Arrays.equals(certificateTypes, other.certificateTypes)
        && Arrays.equals(signatureSchemes, other.signatureSchemes)
        && Vectors.equal(authorities, other.authorities);
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(certificateTypes);
    h = 31 * h + Arrays.hashCode(signatureSchemes);
    return 31 * h + Vectors.hash(authorities);
  }

  @Override
  public String toString() {
    return "CertificateRequest[types "
        + Vectors.hex(certificateTypes)
        + ", schemes "
        + Vectors.hex(signatureSchemes)
        + ", authorities "
        + Vectors.hex(authorities)
        + "]";
  }
}
