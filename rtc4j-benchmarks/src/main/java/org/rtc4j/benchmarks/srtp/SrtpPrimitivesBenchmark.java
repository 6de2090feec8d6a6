package org.rtc4j.benchmarks.srtp;

import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.srtp.crypto.AesCounter;
import org.rtc4j.srtp.crypto.Ghash;
import org.rtc4j.srtp.crypto.HmacSha1;

/**
 * The building blocks of SRTP protection, one 1200-byte RTP payload behind a 12-byte header, each
 * alone: what the SRTP profiles' costs are made of, and the JDK's AES-GCM that {@link
 * org.rtc4j.srtp.GcmImplementation#JDK_CIPHER} uses.
 *
 * <ul>
 *   <li>{@link #keystream}: AES counter mode over the payload, in place ({@link AesCounter}: the
 *       counter blocks, one JCA AES/ECB call, the XOR).
 *   <li>{@link #ghash}: GHASH in Java over header and payload, 76 blocks ({@link Ghash}).
 *   <li>{@link #hmacSha1}: HMAC-SHA1 over header, payload and ROC, 1216 bytes ({@link HmacSha1}).
 *   <li>{@link #jdkGcmSeal}: the JDK's {@code AES/GCM/NoPadding}: {@code init} under a new nonce,
 *       the header as AAD, and {@code doFinal} of the payload in place with the tag after it.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SrtpPrimitivesBenchmark {
  private static final int HEADER = 12;
  private static final int PAYLOAD = 1200;

  private byte[] packet;
  private byte[] out;
  private byte[] counter;
  private byte[] iv;
  private long nonce;
  private AesCounter aes;
  private Ghash ghash;
  private HmacSha1 hmac;
  private SecretKeySpec key;
  private Cipher gcm;

  /** Keys and a random packet. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    SplittableRandom random = new SplittableRandom(3);
    byte[] k = bytes(random, 16);
    packet = bytes(random, HEADER + PAYLOAD + 16);
    out = new byte[20];
    counter = bytes(random, 16);
    counter[12] = 0;
    iv = bytes(random, 12);
    aes = new AesCounter(k);
    ghash = new Ghash(bytes(random, 16), 0);
    hmac = new HmacSha1(bytes(random, 20));
    key = new SecretKeySpec(k, "AES");
    gcm = Cipher.getInstance("AES/GCM/NoPadding");
  }

  /** XORs the keystream into the payload; returns a byte of it. */
  @Benchmark
  public int keystream() {
    aes.xorKeystream(counter, packet, HEADER, PAYLOAD);
    return packet[HEADER];
  }

  /** GHASH of header and payload; returns a byte of Y. */
  @Benchmark
  public int ghash() {
    ghash.reset();
    ghash.update(packet, 0, HEADER);
    ghash.pad();
    ghash.update(packet, HEADER, PAYLOAD);
    ghash.lengths(HEADER, PAYLOAD);
    ghash.digest(out, 0);
    return out[0];
  }

  /** The HMAC of header, payload and a 4-byte ROC; returns a byte of it. */
  @Benchmark
  public int hmacSha1() {
    hmac.update(packet, 0, HEADER + PAYLOAD + 4);
    hmac.finish(out, 0);
    return out[0];
  }

  /** The JDK's AES-GCM seal under the next nonce; returns the sealed length. */
  @Benchmark
  public int jdkGcmSeal() throws GeneralSecurityException {
    long n = nonce++;
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (n >>> (8 * i));
    }
    gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv, 0, 12));
    gcm.updateAAD(packet, 0, HEADER);
    return gcm.doFinal(packet, HEADER, PAYLOAD, packet, HEADER);
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
