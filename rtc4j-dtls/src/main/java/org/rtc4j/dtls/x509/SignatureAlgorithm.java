package org.rtc4j.dtls.x509;

/**
 * The algorithms rtc4j signs its self-signed certificates with, and how a certificate names them.
 */
public enum SignatureAlgorithm {
  /** ecdsa-with-SHA256; RFC 5758 §3.2: the AlgorithmIdentifier omits the parameters. */
  ECDSA_WITH_SHA256("1.2.840.10045.4.3.2", false, "SHA256withECDSA", "EC"),
  /** sha256WithRSAEncryption; RFC 4055 §5: its parameters are NULL. */
  SHA256_WITH_RSA_ENCRYPTION("1.2.840.113549.1.1.11", true, "SHA256withRSA", "RSA");

  private final String oid;
  private final boolean nullParameters;
  private final String jcaName;
  private final String keyAlgorithm;

  SignatureAlgorithm(String oid, boolean nullParameters, String jcaName, String keyAlgorithm) {
    this.oid = oid;
    this.nullParameters = nullParameters;
    this.jcaName = jcaName;
    this.keyAlgorithm = keyAlgorithm;
  }

  /** The object identifier, dotted. */
  public String oid() {
    return oid;
  }

  /** The JCA {@link java.security.Signature} name; its ECDSA output is already DER. */
  public String jcaName() {
    return jcaName;
  }

  /** The JCA algorithm name of the keys it signs with: {@code "EC"} or {@code "RSA"}. */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /**
   * The DER {@code AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY
   * OPTIONAL }} (RFC 5280 §4.1.1.2).
   */
  public byte[] algorithmIdentifier() {
    byte[] id = Der.objectIdentifier(oid);
    return nullParameters ? Der.sequence(id, Der.nullValue()) : Der.sequence(id);
  }
}
