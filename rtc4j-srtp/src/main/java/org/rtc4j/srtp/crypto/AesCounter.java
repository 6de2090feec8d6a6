package org.rtc4j.srtp.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode over one key, for SRTP's AES-CM (RFC 3711 §4.1.1) and GCM's GCTR (NIST SP
 * 800-38D §6.5, RFC 7714 §8): the keystream block {@code j} of a packet is AES of its initial
 * counter block with {@code j} added to the block's last 32 bits.
 *
 * <p>It makes the keystream with one JCA {@code AES/ECB/NoPadding} {@link Cipher}, initialised once
 * with the key, over up to {@value #CHUNK} bytes of counter blocks at a time, and XORs it into the
 * data. The JDK encrypts a whole ECB run in one AES-NI intrinsic and {@code update} into a caller's
 * array allocates nothing (measured: 72 ns for 1216 bytes, 0 B, on JDK 17 and 25), whereas an
 * {@code AES/CTR} cipher must be initialised again for each packet's counter (112 B per packet).
 *
 * <p>Two things keep the rest cheap (rtc4j-benchmarks' {@code SrtpPrimitivesBenchmark}):
 *
 * <ul>
 *   <li>The counter blocks are written as two longs each, and the first eight bytes of a block (for
 *       SRTP the salt, SSRC and, for GCM, the upper ROC) only when they differ from those already
 *       in the array, which for a stream of one SSRC they do not.
 *   <li>The keystream is written at the same index as the data it masks, so that the XOR loop
 *       indexes both arrays alike: JDK 17's C2 vectorises {@code data[i] ^= ks[i]} but not {@code
 *       data[off + i] ^= ks[i]}, where it cannot rule out a dependence between iterations. Data
 *       that ends beyond {@value #SPAN} bytes into its array is copied into a scratch array
 *       instead, XORed there and copied back.
 * </ul>
 *
 * <p>Not thread-safe: it reuses its counter and keystream arrays.
 */
public final class AesCounter {
  /** Bytes of keystream made per call to the cipher: a whole full-size RTP packet's payload. */
  static final int CHUNK = 2048;

  /** Data within the first this many bytes of its array is XORed at its own index. */
  static final int SPAN = 4096;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final Cipher ecb;
  private final byte[] counters = new byte[CHUNK];
  private final byte[] keystream = new byte[SPAN];

  /** The first eight bytes of the blocks {@code [0, headBlocks)} of {@link #counters}. */
  private long head;

  private int headBlocks;

  /**
   * @param key an AES key of 16, 24 or 32 bytes
   * @throws IllegalArgumentException if the key has another length
   */
  public AesCounter(byte[] key) {
    if (key.length != 16 && key.length != 24 && key.length != 32) {
      throw new IllegalArgumentException("an AES key is 16, 24 or 32 bytes, not " + key.length);
    }
    try {
      ecb = Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/ECB/NoPadding", e);
    }
  }

  /** Encrypts one 16-byte block: {@code out[outOff..+16) = AES(in[inOff..+16))}. */
  public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
    try {
      ecb.update(in, inOff, 16, out, outOff);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * XORs the keystream that starts at counter block {@code counter[0..16)} into {@code
   * data[off..off+len)}: block {@code j} of the keystream is AES of the counter block whose last 32
   * bits are those of {@code counter} plus {@code j} (mod 2^32). {@code counter} is not changed.
   */
  public void xorKeystream(byte[] counter, byte[] data, int off, int len) {
    long first = (long) LONG.get(counter, 0);
    long upper = (long) INT.get(counter, 8) << 32;
    int low = (int) INT.get(counter, 12);
    while (len > 0) {
      int n = Math.min(len, CHUNK);
      int blocks = (n + 15) >>> 4;
      writeCounters(first, upper, low, blocks);
      low += blocks;
      int bytes = blocks << 4;
      byte[] ks = keystream;
      try {
        if (off + bytes <= SPAN) {
          ecb.update(counters, 0, bytes, ks, off);
          for (int i = off, end = off + n; i < end; i++) {
            data[i] ^= ks[i];
          }
        } else {
          byte[] scratch = counters;
          ecb.update(scratch, 0, bytes, ks, 0);
          System.arraycopy(data, off, scratch, 0, n);
          for (int i = 0; i < n; i++) {
            scratch[i] ^= ks[i];
          }
          System.arraycopy(scratch, 0, data, off, n);
          headBlocks = 0;
        }
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      off += n;
      len -= n;
    }
  }

  /** Counter blocks 0..blocks-1: {@code first || upper | (low + j)}, heads written if needed. */
  private void writeCounters(long first, long upper, int low, int blocks) {
    byte[] ctr = counters;
    int from = 0;
    if (first == head) {
      from = Math.min(headBlocks, blocks);
    } else {
      head = first;
      headBlocks = 0;
    }
    for (int b = from, p = from << 4; b < blocks; b++, p += 16) {
      LONG.set(ctr, p, first);
    }
    headBlocks = Math.max(headBlocks, blocks);
    for (int b = 0, p = 8; b < blocks; b++, p += 16) {
      LONG.set(ctr, p, upper | ((low + b) & 0xFFFFFFFFL));
    }
  }
}
