package org.rtc4j.dtls;

/**
 * The SRTP master keys and salts a DTLS-SRTP handshake exports (RFC 5764 §4.2), already split into
 * ours and the peer's: protect outgoing packets with the local ones, check incoming with the remote
 * ones.
 *
 * @param profile the negotiated protection profile
 * @param localMasterKey our master key
 * @param localMasterSalt our master salt
 * @param remoteMasterKey the peer's master key
 * @param remoteMasterSalt the peer's master salt
 */
public record SrtpKeyingMaterial(
    SrtpProfile profile,
    byte[] localMasterKey,
    byte[] localMasterSalt,
    byte[] remoteMasterKey,
    byte[] remoteMasterSalt) {

  /** The exporter label of RFC 5764 §4.2. */
  public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

  /** Splits the exporter's output, laid out as client key, server key, client salt, server salt. */
  static SrtpKeyingMaterial split(SrtpProfile profile, byte[] material, boolean client) {
    int k = profile.keyLength();
    int s = profile.saltLength();
    byte[] clientKey = slice(material, 0, k);
    byte[] serverKey = slice(material, k, k);
    byte[] clientSalt = slice(material, 2 * k, s);
    byte[] serverSalt = slice(material, 2 * k + s, s);
    return client
        ? new SrtpKeyingMaterial(profile, clientKey, clientSalt, serverKey, serverSalt)
        : new SrtpKeyingMaterial(profile, serverKey, serverSalt, clientKey, clientSalt);
  }

  private static byte[] slice(byte[] b, int off, int len) {
    byte[] out = new byte[len];
    System.arraycopy(b, off, out, 0, len);
    return out;
  }

  @Override
  public String toString() {
    return "SrtpKeyingMaterial[" + profile + ", keys hidden]";
  }
}
