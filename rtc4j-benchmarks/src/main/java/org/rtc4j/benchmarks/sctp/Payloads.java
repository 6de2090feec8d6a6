package org.rtc4j.benchmarks.sctp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The messages a throughput run sends: {@value #COUNT} distinct random payloads of one size, sent
 * in turn. Each begins with its index (4 bytes, big-endian), so that a receiver can tell them apart
 * and check their order without keeping what was sent. Message {@code n} of a run is payload {@code
 * n % COUNT}.
 */
final class Payloads {
  /** The stream every message goes on. */
  static final int STREAM = 1;

  /** Distinct payloads. */
  static final int COUNT = 16;

  private final byte[][] payloads;

  /**
   * @param size bytes per message, at least 4
   * @param seed where the random bytes come from
   */
  Payloads(int size, long seed) {
    if (size < 4) {
      throw new IllegalArgumentException("messages of at least 4 bytes: " + size);
    }
    SplittableRandom random = new SplittableRandom(seed);
    payloads = new byte[COUNT][];
    for (int i = 0; i < COUNT; i++) {
      byte[] p = new byte[size];
      random.nextBytes(p);
      p[0] = 0;
      p[1] = 0;
      p[2] = 0;
      p[3] = (byte) i;
      payloads[i] = p;
    }
  }

  /** Bytes per message. */
  int size() {
    return payloads[0].length;
  }

  /** Message {@code n}: not to be changed (the association keeps it until it is sent). */
  byte[] get(long n) {
    return payloads[(int) (n % COUNT)];
  }

  /** The index a received payload begins with, or -1 if it is not one of ours. */
  int indexOf(byte[] p) {
    if (p.length != size() || p[0] != 0 || p[1] != 0 || p[2] != 0 || (p[3] & 0xFF) >= COUNT) {
      return -1;
    }
    return p[3];
  }

  /** Whether {@code p} is payload {@code index}, byte for byte. */
  boolean isIntact(int index, byte[] p) {
    return Arrays.equals(p, payloads[index]);
  }

  /** Whether {@code p} is message {@code n}, byte for byte. */
  boolean matches(long n, byte[] p) {
    int index = indexOf(p);
    return index == n % COUNT && isIntact(index, p);
  }
}
