/**
 * The cryptography of DTLS 1.2 on the JDK's own JCA providers: the TLS 1.2 PRF and the secrets
 * derived with it ({@link org.rtc4j.dtls.crypto.Prf}), AEAD record protection ({@link
 * org.rtc4j.dtls.crypto.RecordProtection}), ephemeral ECDH ({@link
 * org.rtc4j.dtls.crypto.EcdheKeyPair}), and signature schemes ({@link
 * org.rtc4j.dtls.crypto.SignatureScheme}).
 *
 * <p>Internal to rtc4j-dtls: the module does not export this package. Whatever a peer sends that
 * these classes refuse comes out as {@link org.rtc4j.common.ParseException}, {@code -1} or {@code
 * false}, never as another exception.
 */
package org.rtc4j.dtls.crypto;
