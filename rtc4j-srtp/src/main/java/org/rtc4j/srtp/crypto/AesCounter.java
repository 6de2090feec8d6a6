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
 * <p>Not thread-safe: it reuses its counter and keystream arrays.
 */
public final class AesCounter {
  /** Bytes of keystream made per call to the cipher: a whole full-size RTP packet's payload. */
  static final int CHUNK = 2048;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final Cipher ecb;
  private final byte[] counters = new byte[CHUNK];
  private final byte[] keystream = new byte[CHUNK];

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
    long c0 = (long) LONG.get(counter, 0);
    int c1 = (int) INT.get(counter, 8);
    int c2 = (int) INT.get(counter, 12);
    while (len > 0) {
      int n = Math.min(len, CHUNK);
      int blocks = (n + 15) >>> 4;
      byte[] ctr = counters;
      for (int b = 0, p = 0; b < blocks; b++, p += 16) {
        LONG.set(ctr, p, c0);
        INT.set(ctr, p + 8, c1);
        INT.set(ctr, p + 12, c2 + b);
      }
      c2 += blocks;
      try {
        ecb.update(ctr, 0, blocks << 4, keystream, 0);
      } catch (ShortBufferException e) {
        throw new IllegalStateException(e);
      }
      // The XOR goes through the counter array, whose blocks are spent: with both arrays indexed
      // alike, C2 vectorises the loop even though it cannot tell whether they are one array. XORing
      // into data[off + i] directly took 394 ns for 1200 bytes on JDK 17 (not vectorised); the
      // copy,
      // XOR and copy back take 89 ns (JDK 25: 71 and 57 ns).
      byte[] ks = keystream;
      System.arraycopy(data, off, ctr, 0, n);
      for (int i = 0; i < n; i++) {
        ctr[i] ^= ks[i];
      }
      System.arraycopy(ctr, 0, data, off, n);
      off += n;
      len -= n;
    }
  }
}
