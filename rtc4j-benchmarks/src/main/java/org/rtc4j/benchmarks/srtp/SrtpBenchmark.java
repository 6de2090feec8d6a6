package org.rtc4j.benchmarks.srtp;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtc4j.dtls.SrtpKeyingMaterial;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.GcmImplementation;
import org.rtc4j.srtp.SrtpConfig;
import org.rtc4j.srtp.SrtpSession;
import org.rtc4j.srtp.crypto.SrtpTransform;

/**
 * SRTP and SRTCP through {@link SrtpSession}, in place, one packet per operation.
 *
 * <ul>
 *   <li>{@link #protectRtp}: a 1200-byte RTP payload behind a 12-byte header, under the next
 *       sequence number (the buffer's previous output is protected again: the cost is the same).
 *   <li>{@link #protectAndUnprotectRtp}: the same, then the peer's session unprotects it: the whole
 *       receive path, ROC estimate and replay window included. A receiver never accepts a packet
 *       twice, so unprotect cannot be measured alone on one session; this minus {@link #protectRtp}
 *       is its cost.
 *   <li>{@link #unprotectRtpTransform}: authentication and decryption alone ({@link SrtpTransform},
 *       no replay window), of a copy of one packet protected in setup; the copy of 1228 bytes is
 *       included.
 *   <li>{@link #protectRtcp}: a 100-byte compound (a sender report with one report block and an
 *       SDES), under the next SRTCP index.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SrtpBenchmark {
  private static final int RTP_HEADER = 12;
  private static final int SSRC = 0x12345678;

  /** The DTLS-SRTP protection profile. */
  @Param({
    "AEAD_AES_128_GCM",
    "AES128_CM_HMAC_SHA1_80",
    "AEAD_AES_256_GCM",
    "AES128_CM_HMAC_SHA1_32"
  })
  public SrtpProfile profile;

  /** What computes GCM (the CM profiles ignore it: narrow a run with {@code -p gcm=...}). */
  @Param({"ALLOCATION_FREE", "JDK_CIPHER"})
  public GcmImplementation gcm = GcmImplementation.ALLOCATION_FREE;

  /** RTP payload bytes. */
  @Param({"1200"})
  public int size;

  /** RTCP compound bytes. */
  @Param({"100"})
  public int rtcpSize;

  private SrtpSession sender;
  private SrtpSession receiver;
  private SrtpTransform receiving;
  private byte[] rtp;
  private byte[] srtp;
  private byte[] copy;
  private byte[] rtcp;
  private int rtpLength;
  private int seq;

  /** Keys, sessions, and one packet protected for {@link #unprotectRtpTransform}. */
  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    byte[] keyA = bytes(random, profile.keyLength());
    byte[] saltA = bytes(random, profile.saltLength());
    byte[] keyB = bytes(random, profile.keyLength());
    byte[] saltB = bytes(random, profile.saltLength());
    SrtpConfig config = SrtpConfig.DEFAULT.withGcm(gcm);
    sender = new SrtpSession(new SrtpKeyingMaterial(profile, keyA, saltA, keyB, saltB), config);
    receiver = new SrtpSession(new SrtpKeyingMaterial(profile, keyB, saltB, keyA, saltA), config);
    receiving = SrtpTransform.fromMaster(profile, keyA, saltA, gcm);

    rtpLength = RTP_HEADER + size;
    rtp = bytes(random, rtpLength + sender.rtpOverhead());
    rtp[0] = (byte) 0x80;
    rtp[1] = 96;
    rtp[2] = 0; // SEQ 0: the packet from setup has index 0
    rtp[3] = 0;
    writeInt(rtp, 8, SSRC);
    srtp = rtp.clone();
    int n = sender.protectRtp(srtp, 0, rtpLength, srtp.length);
    srtp = Arrays.copyOf(srtp, n);
    copy = new byte[n];
    unprotectRtpTransform();
    if (!Arrays.equals(copy, 0, rtpLength, rtp, 0, rtpLength)) {
      throw new IllegalStateException("the packet protected in setup did not unprotect");
    }
    seq = 1;

    rtcp = bytes(random, rtcpSize + sender.rtcpOverhead());
    // RFC 3550 §6.4.1: SR with one report block (52 bytes), then an SDES chunk for the rest.
    rtcp[0] = (byte) 0x81;
    rtcp[1] = (byte) 200;
    rtcp[2] = 0;
    rtcp[3] = 12;
    writeInt(rtcp, 4, SSRC);
    rtcp[52] = (byte) 0x81;
    rtcp[53] = (byte) 202;
    rtcp[54] = 0;
    rtcp[55] = (byte) ((rtcpSize - 52) / 4 - 1);
  }

  /** Protects the RTP packet in place under the next sequence number; returns its length. */
  @Benchmark
  public int protectRtp() {
    int s = seq++;
    rtp[2] = (byte) (s >>> 8);
    rtp[3] = (byte) s;
    return sender.protectRtp(rtp, 0, rtpLength, rtp.length);
  }

  /** {@link #protectRtp}, then the receiver unprotects it in place; throws unless it does. */
  @Benchmark
  public int protectAndUnprotectRtp() {
    int n = receiver.unprotectRtp(rtp, 0, protectRtp());
    if (n != rtpLength) {
      throw new IllegalStateException("the receiver refused a packet: " + n);
    }
    return n;
  }

  /** Authenticates and decrypts a copy of the packet from setup, without a replay window. */
  @Benchmark
  public int unprotectRtpTransform() {
    System.arraycopy(srtp, 0, copy, 0, srtp.length);
    int n = receiving.unprotectRtp(copy, 0, RTP_HEADER, srtp.length, 0);
    if (n != rtpLength) {
      throw new IllegalStateException("the packet did not unprotect: " + n);
    }
    return n;
  }

  /** Protects the RTCP compound in place under the next SRTCP index; returns its length. */
  @Benchmark
  public int protectRtcp() {
    return sender.protectRtcp(rtcp, 0, rtcpSize, rtcp.length);
  }

  private static void writeInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
