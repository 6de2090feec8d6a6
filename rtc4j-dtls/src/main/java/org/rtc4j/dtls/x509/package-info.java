/**
 * Internal: the DER encoding (X.690) of self-signed X.509 v3 certificates (RFC 5280 §4.1), which
 * the JDK can parse and sign but not build. Not exported from the module.
 */
package org.rtc4j.dtls.x509;
