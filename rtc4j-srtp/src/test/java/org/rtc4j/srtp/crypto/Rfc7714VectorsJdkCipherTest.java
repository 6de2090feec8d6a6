package org.rtc4j.srtp.crypto;

/** The RFC 7714 vectors of {@link Rfc7714VectorsTest} through {@link JdkAesGcm}. */
class Rfc7714VectorsJdkCipherTest extends Rfc7714VectorsTest {
  @Override
  boolean jdkCipher() {
    return true;
  }
}
