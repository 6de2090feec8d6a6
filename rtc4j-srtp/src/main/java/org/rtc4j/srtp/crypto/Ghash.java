package org.rtc4j.srtp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * GHASH, GCM's universal hash over GF(2^128) (NIST SP 800-38D §6.4), in Java, with 8-bit tables
 * precomputed for one hash key {@code H}.
 *
 * <p>Why not the JDK's: its GHASH (with a CLMUL intrinsic) lives inside {@code AES/GCM}, whose
 * {@code Cipher.init} builds a new GCM engine for every nonce, about 950 bytes per packet ({@link
 * JdkAesGcm} pays that for speed). This class allocates nothing per packet. Its price is speed:
 * about 17 ns per 16-byte block on the EPYC the benchmarks ran on (1250–1400 ns for a 1200-byte
 * packet), against about 2 ns for the intrinsic; see rtc4j-benchmarks/README.md for the
 * measurements that chose it.
 *
 * <p>The tables: multiplying by {@code H} is linear over GF(2), so {@code X·H} is the XOR over the
 * 16 bytes {@code x_i} of {@code X} of {@code (x_i at byte i)·H}. For each byte position there is a
 * table of those 256 products, 16 × 256 × 16 bytes = 64 KiB per key, and a block costs 16 lookups
 * and XORs, no shifts and no reduction. (4-bit tables, 8 KiB, were measured twice as slow.) A
 * product's two halves are adjacent in one array, so that each lookup touches one cache line (JDK
 * 25: 1250 ns a packet instead of 1700 with two arrays; JDK 17 the same either way). The lookups
 * depend on secret data, so like every table-driven GHASH this one is not constant time against an
 * attacker who can watch the CPU's caches.
 *
 * <p>Bits are in GCM's order: the first byte's most significant bit is the coefficient of {@code
 * x^0}. A block is held as two longs, {@code hi} (bytes 0–7) and {@code lo} (bytes 8–15), read
 * big-endian. Not thread-safe.
 */
public final class Ghash {
  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  /** NIST SP 800-38D §6.3: R = 11100001 || 0^120, the reduction for multiplying by x. */
  private static final long R = 0xE100000000000000L;

  /**
   * Byte value {@code b} at byte {@code i}, times H: bytes 0–7 of the product at {@code t[2 * (256
   * * i + b)]}, bytes 8–15 in the next long.
   */
  private final long[] t = new long[2 * 16 * 256];

  private final byte[] partial = new byte[16];
  private int partialLength;
  private long y0;
  private long y1;

  /**
   * @param h the hash key, 16 bytes from {@code h[off]}: for GCM, AES of the zero block
   */
  public Ghash(byte[] h, int off) {
    // H·x^k for k = 0..127: bit k of a block (byte k/8, mask 0x80 >>> k%8) stands for x^k, and
    // multiplying by x is a shift right by one in GCM's bit order, reduced by R.
    long[] p0 = new long[128];
    long[] p1 = new long[128];
    long v0 = (long) LONG.get(h, off);
    long v1 = (long) LONG.get(h, off + 8);
    for (int k = 0; k < 128; k++) {
      p0[k] = v0;
      p1[k] = v1;
      long carry = -(v1 & 1);
      v1 = (v1 >>> 1) | (v0 << 63);
      v0 = (v0 >>> 1) ^ (carry & R);
    }
    // Each byte position's table by XOR, lowest bit first: T[bit | a] = T[a] ^ T[bit], a < bit.
    for (int i = 0; i < 16; i++) {
      int base = i << 8;
      for (int j = 7; j >= 0; j--) {
        int bit = 0x80 >>> j;
        int k = 8 * i + j;
        for (int a = 0; a < bit; a++) {
          t[2 * (base + (bit | a))] = t[2 * (base + a)] ^ p0[k];
          t[2 * (base + (bit | a)) + 1] = t[2 * (base + a) + 1] ^ p1[k];
        }
      }
    }
  }

  /** Starts a new hash: Y = 0, no partial block. */
  public void reset() {
    y0 = 0;
    y1 = 0;
    partialLength = 0;
  }

  /**
   * Hashes {@code data[off..off+len)} as a continuation of what came before: bytes are taken 16 at
   * a time, whatever the split into calls. {@link #pad()} ends a field (AAD or ciphertext).
   */
  public void update(byte[] data, int off, int len) {
    if (partialLength > 0) {
      int n = Math.min(len, 16 - partialLength);
      System.arraycopy(data, off, partial, partialLength, n);
      partialLength += n;
      off += n;
      len -= n;
      if (partialLength < 16) {
        return;
      }
      blocks(partial, 0, 1);
      partialLength = 0;
    }
    int full = len >>> 4;
    if (full > 0) {
      blocks(data, off, full);
    }
    int rest = len & 15;
    if (rest > 0) {
      System.arraycopy(data, off + (full << 4), partial, 0, rest);
      partialLength = rest;
    }
  }

  /** Zero-pads a pending partial block to 16 bytes and hashes it (GCM pads AAD and C, §7.1). */
  public void pad() {
    if (partialLength > 0) {
      for (int i = partialLength; i < 16; i++) {
        partial[i] = 0;
      }
      blocks(partial, 0, 1);
      partialLength = 0;
    }
  }

  /** Hashes the final block, len(A) || len(C) in bits, each 64 bits (NIST SP 800-38D §7.1). */
  public void lengths(long aadBytes, long textBytes) {
    pad();
    LONG.set(partial, 0, aadBytes << 3);
    LONG.set(partial, 8, textBytes << 3);
    blocks(partial, 0, 1);
  }

  /** Writes the current hash value Y, 16 bytes, to {@code out[off..)}. */
  public void digest(byte[] out, int off) {
    LONG.set(out, off, y0);
    LONG.set(out, off + 8, y1);
  }

  /** Y = (Y ^ X_j)·H for {@code blocks} whole blocks from {@code data[off]}. */
  private void blocks(byte[] data, int off, int blocks) {
    long[] t = this.t;
    long a = y0;
    long b = y1;
    for (int j = 0; j < blocks; j++, off += 16) {
      long x0 = a ^ (long) LONG.get(data, off);
      long x1 = b ^ (long) LONG.get(data, off + 8);
      // i_k = 2 * (256 * k + byte k of X): where the product of byte k's value starts in t.
      int i0 = (int) (x0 >>> 55) & 0x1FE;
      int i1 = 0x200 | ((int) (x0 >>> 48) & 0xFF) << 1;
      int i2 = 0x400 | ((int) (x0 >>> 40) & 0xFF) << 1;
      int i3 = 0x600 | ((int) (x0 >>> 32) & 0xFF) << 1;
      int i4 = 0x800 | ((int) (x0 >>> 24) & 0xFF) << 1;
      int i5 = 0xA00 | ((int) (x0 >>> 16) & 0xFF) << 1;
      int i6 = 0xC00 | ((int) (x0 >>> 8) & 0xFF) << 1;
      int i7 = 0xE00 | ((int) x0 & 0xFF) << 1;
      int i8 = 0x1000 | (int) (x1 >>> 55) & 0x1FE;
      int i9 = 0x1200 | ((int) (x1 >>> 48) & 0xFF) << 1;
      int i10 = 0x1400 | ((int) (x1 >>> 40) & 0xFF) << 1;
      int i11 = 0x1600 | ((int) (x1 >>> 32) & 0xFF) << 1;
      int i12 = 0x1800 | ((int) (x1 >>> 24) & 0xFF) << 1;
      int i13 = 0x1A00 | ((int) (x1 >>> 16) & 0xFF) << 1;
      int i14 = 0x1C00 | ((int) (x1 >>> 8) & 0xFF) << 1;
      int i15 = 0x1E00 | ((int) x1 & 0xFF) << 1;
      a =
          t[i0] ^ t[i1] ^ t[i2] ^ t[i3] ^ t[i4] ^ t[i5] ^ t[i6] ^ t[i7] ^ t[i8] ^ t[i9] ^ t[i10]
              ^ t[i11] ^ t[i12] ^ t[i13] ^ t[i14] ^ t[i15];
      b =
          t[i0 + 1]
              ^ t[i1 + 1]
              ^ t[i2 + 1]
              ^ t[i3 + 1]
              ^ t[i4 + 1]
              ^ t[i5 + 1]
              ^ t[i6 + 1]
              ^ t[i7 + 1]
              ^ t[i8 + 1]
              ^ t[i9 + 1]
              ^ t[i10 + 1]
              ^ t[i11 + 1]
              ^ t[i12 + 1]
              ^ t[i13 + 1]
              ^ t[i14 + 1]
              ^ t[i15 + 1];
    }
    y0 = a;
    y1 = b;
  }
}
