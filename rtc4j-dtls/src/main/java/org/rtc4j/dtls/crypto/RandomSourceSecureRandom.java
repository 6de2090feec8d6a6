package org.rtc4j.dtls.crypto;

import java.security.SecureRandom;
import org.rtc4j.common.RandomSource;

/**
 * Hands an injected {@link RandomSource} to JCA, which wants a {@link SecureRandom} for key
 * generation and signatures; so a seeded test can replay a handshake.
 */
public final class RandomSourceSecureRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private final transient RandomSource source;

  public RandomSourceSecureRandom(RandomSource source) {
    super(new byte[0]);
    this.source = source;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    source.nextBytes(bytes);
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    byte[] seed = new byte[numBytes];
    source.nextBytes(seed);
    return seed;
  }

  @Override
  public void setSeed(long seed) {
    // The injected source owns its seed; JCA's reseeding requests are ignored.
  }
}
