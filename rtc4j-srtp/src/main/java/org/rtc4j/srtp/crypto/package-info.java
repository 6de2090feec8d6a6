/**
 * The cryptography of SRTP: key derivation ({@link org.rtc4j.srtp.crypto.SrtpKdf}), AES counter
 * mode on a once-initialised JCA ECB cipher ({@link org.rtc4j.srtp.crypto.AesCounter}), HMAC-SHA1
 * on a JCA digest ({@link org.rtc4j.srtp.crypto.HmacSha1}), GCM with GHASH in Java ({@link
 * org.rtc4j.srtp.crypto.AesGcm}, {@link org.rtc4j.srtp.crypto.Ghash}), and the per-profile
 * transforms of one packet ({@link org.rtc4j.srtp.crypto.SrtpTransform}). None allocates per
 * packet.
 *
 * <p>Internal to rtc4j-srtp: the module does not export this package.
 */
package org.rtc4j.srtp.crypto;
