/**
 * SRTP and SRTCP (RFC 3711, RFC 7714) for DTLS-SRTP: {@link org.rtc4j.srtp.SrtpSession} protects
 * and unprotects packets in place under the keys of an {@link org.rtc4j.dtls.SrtpKeyingMaterial},
 * for the four profiles of {@link org.rtc4j.dtls.SrtpProfile}, without allocating once a stream is
 * under way.
 */
package org.rtc4j.srtp;
