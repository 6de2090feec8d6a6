package org.rtc4j.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.dtls.SrtpKeyingMaterial;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.crypto.AesGcm;
import org.rtc4j.srtp.crypto.HmacSha1;
import org.rtc4j.srtp.crypto.SrtpKdf;

class SrtpSessionTest {
  static final int SSRC = 0x5EED0001;

  /** Two ends of one association: {@code a} sends with what {@code b} receives with. */
  record Pair(SrtpSession a, SrtpSession b, SrtpKeyingMaterial keysOfA) {}

  static Pair pair(SrtpProfile profile, SrtpConfig config, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] keyA = bytes(random, profile.keyLength());
    byte[] saltA = bytes(random, profile.saltLength());
    byte[] keyB = bytes(random, profile.keyLength());
    byte[] saltB = bytes(random, profile.saltLength());
    SrtpKeyingMaterial a = new SrtpKeyingMaterial(profile, keyA, saltA, keyB, saltB);
    SrtpKeyingMaterial b = new SrtpKeyingMaterial(profile, keyB, saltB, keyA, saltA);
    return new Pair(new SrtpSession(a, config), new SrtpSession(b, config), a);
  }

  static Pair pair(SrtpProfile profile) {
    return pair(profile, SrtpConfig.DEFAULT, 1);
  }

  /** An RTP packet: version 2, PT 96, the SEQ and SSRC given, {@code payload} bytes. */
  static byte[] rtp(int seq, int ssrc, int payload) {
    byte[] p = new byte[12 + payload];
    p[0] = (byte) 0x80;
    p[1] = 96;
    p[2] = (byte) (seq >>> 8);
    p[3] = (byte) seq;
    p[7] = (byte) seq; // a timestamp
    p[8] = (byte) (ssrc >>> 24);
    p[9] = (byte) (ssrc >>> 16);
    p[10] = (byte) (ssrc >>> 8);
    p[11] = (byte) ssrc;
    for (int i = 12; i < p.length; i++) {
      p[i] = (byte) (i * 13 + seq);
    }
    return p;
  }

  /** A receiver report with one report block, 32 bytes. */
  static byte[] rtcp(int ssrc) {
    byte[] p = new byte[32];
    p[0] = (byte) 0x81;
    p[1] = (byte) 201;
    p[3] = 7;
    p[4] = (byte) (ssrc >>> 24);
    p[5] = (byte) (ssrc >>> 16);
    p[6] = (byte) (ssrc >>> 8);
    p[7] = (byte) ssrc;
    for (int i = 8; i < p.length; i++) {
      p[i] = (byte) i;
    }
    return p;
  }

  static byte[] protectRtp(SrtpSession s, byte[] rtp) {
    byte[] out = Arrays.copyOf(rtp, rtp.length + s.rtpOverhead());
    assertEquals(out.length, s.protectRtp(out, 0, rtp.length, out.length));
    return out;
  }

  static byte[] protectRtcp(SrtpSession s, byte[] rtcp) {
    byte[] out = Arrays.copyOf(rtcp, rtcp.length + s.rtcpOverhead());
    assertEquals(out.length, s.protectRtcp(out, 0, rtcp.length, out.length));
    return out;
  }

  /** Unprotects a copy; the plaintext, or the drop's name as bytes. */
  static Object unprotectRtp(SrtpSession s, byte[] srtp) {
    byte[] copy = srtp.clone();
    int n = s.unprotectRtp(copy, 0, copy.length);
    return n < 0 ? SrtpDrop.fromResult(n) : Arrays.copyOf(copy, n);
  }

  static Object unprotectRtcp(SrtpSession s, byte[] srtcp) {
    byte[] copy = srtcp.clone();
    int n = s.unprotectRtcp(copy, 0, copy.length);
    return n < 0 ? SrtpDrop.fromResult(n) : Arrays.copyOf(copy, n);
  }

  static void assertPlain(byte[] expected, Object got) {
    assertTrue(got instanceof byte[], () -> "dropped: " + got);
    assertArrayEquals(expected, (byte[]) got);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void followsTheRolloverAcrossTheSequenceWrapWithLateAndRepeatedPackets(SrtpProfile profile) {
    Pair pair = pair(profile);
    int[] sent = {65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3, 4, 5};
    List<byte[]> plain = new ArrayList<>();
    List<byte[]> wire = new ArrayList<>();
    for (int seq : sent) {
      plain.add(rtp(seq, SSRC, 50));
      wire.add(protectRtp(pair.a(), plain.get(plain.size() - 1)));
    }
    // 65534 is held back and arrives after the wrap, then again, and 2 arrives twice.
    int late = 4;
    for (int i = 0; i < sent.length; i++) {
      if (i != late) {
        assertPlain(plain.get(i), unprotectRtp(pair.b(), wire.get(i)));
      }
    }
    assertPlain(plain.get(late), unprotectRtp(pair.b(), wire.get(late)));
    assertEquals(SrtpDrop.REPLAYED, unprotectRtp(pair.b(), wire.get(late)));
    assertEquals(SrtpDrop.REPLAYED, unprotectRtp(pair.b(), wire.get(8)));
    assertEquals(Map.of(SrtpDrop.REPLAYED, 2L), pair.b().drops().snapshot());

    // SEQ 0 was protected under ROC 1: a receiver that has seen nothing assumes ROC 0 and fails.
    SrtpSession fresh = pair(profile).b();
    assertEquals(SrtpDrop.AUTHENTICATION_FAILED, unprotectRtp(fresh, wire.get(6)));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void refusesATamperedPacketCountsItAndStillTakesTheGenuineOne(SrtpProfile profile) {
    Pair pair = pair(profile);
    byte[] plain = rtp(7, SSRC, 100);
    byte[] wire = protectRtp(pair.a(), plain);
    for (int at : new int[] {1, 12, wire.length - 1}) {
      byte[] tampered = wire.clone();
      tampered[at] ^= 0x04;
      byte[] before = tampered.clone();
      assertEquals(
          SrtpDrop.AUTHENTICATION_FAILED.result(),
          pair.b().unprotectRtp(tampered, 0, tampered.length));
      assertArrayEquals(before, tampered, "a refused packet is left as it was");
    }
    assertEquals(3, pair.b().drops().get(SrtpDrop.AUTHENTICATION_FAILED));
    assertPlain(plain, unprotectRtp(pair.b(), wire));
  }

  @Test
  void theDefaultWindowSpans64AndALargerOneMore() {
    for (int window : new int[] {64, 1024}) {
      Pair pair =
          pair(SrtpProfile.AEAD_AES_128_GCM, SrtpConfig.DEFAULT.withReplayWindow(window), 2);
      List<byte[]> wire = new ArrayList<>();
      for (int seq = 0; seq < 2000; seq++) {
        wire.add(protectRtp(pair.a(), rtp(seq, SSRC, 10)));
      }
      assertTrue(unprotectRtp(pair.b(), wire.get(1999)) instanceof byte[]);
      assertTrue(unprotectRtp(pair.b(), wire.get(1999 - (window - 1))) instanceof byte[]);
      assertEquals(SrtpDrop.REPLAYED, unprotectRtp(pair.b(), wire.get(1999 - window)));
      if (window == 1024) {
        assertTrue(unprotectRtp(pair.b(), wire.get(1999 - 1000)) instanceof byte[]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void numbersSrtcpPerSsrcFromZeroAndRefusesReplays(SrtpProfile profile) {
    Pair pair = pair(profile);
    byte[] first = protectRtcp(pair.a(), rtcp(SSRC));
    byte[] second = protectRtcp(pair.a(), rtcp(SSRC));
    byte[] other = protectRtcp(pair.a(), rtcp(SSRC + 1));
    int at = profile.name().startsWith("AEAD") ? first.length - 4 : first.length - 14;
    assertEquals(0x80000000, readInt(first, at), "E set, index 0");
    assertEquals(0x80000001, readInt(second, at));
    assertEquals(0x80000000, readInt(other, at), "another SSRC counts on its own");
    assertTrue(
        !Arrays.equals(rtcp(SSRC), 8, 32, first, 8, 32), "everything after 8 bytes is encrypted");

    assertPlain(rtcp(SSRC), unprotectRtcp(pair.b(), second));
    assertPlain(rtcp(SSRC), unprotectRtcp(pair.b(), first));
    assertPlain(rtcp(SSRC + 1), unprotectRtcp(pair.b(), other));
    assertEquals(SrtpDrop.REPLAYED, unprotectRtcp(pair.b(), first));
    byte[] tampered = protectRtcp(pair.a(), rtcp(SSRC));
    tampered[10] ^= 1;
    assertEquals(SrtpDrop.AUTHENTICATION_FAILED, unprotectRtcp(pair.b(), tampered));
  }

  /** RFC 3711 §3.4 (E = 0): authenticated but not encrypted; built here from derived keys. */
  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void takesAnUnencryptedSrtcpPacket(SrtpProfile profile) {
    Pair pair = pair(profile);
    SrtpKdf kdf = new SrtpKdf(pair.keysOfA().localMasterKey(), pair.keysOfA().localMasterSalt());
    byte[] rtcp = rtcp(SSRC);
    int index = 9;
    byte[] wire;
    if (profile.name().startsWith("AEAD")) {
      byte[] key = kdf.derive(SrtpKdf.SRTCP_ENCRYPTION, profile.keyLength());
      byte[] salt = kdf.derive(SrtpKdf.SRTCP_SALT, 12);
      byte[] iv = new byte[12];
      iv[2] = rtcp[4];
      iv[3] = rtcp[5];
      iv[4] = rtcp[6];
      iv[5] = rtcp[7];
      iv[11] = (byte) index;
      for (int i = 0; i < 12; i++) {
        iv[i] ^= salt[i];
      }
      wire = Arrays.copyOf(rtcp, rtcp.length + 20);
      wire[wire.length - 1] = (byte) index;
      AesGcm gcm = new AesGcm(key);
      gcm.start(iv, 0);
      gcm.aad(wire, 0, rtcp.length);
      gcm.aad(wire, wire.length - 4, 4);
      gcm.tag(wire, rtcp.length);
    } else {
      HmacSha1 mac = new HmacSha1(kdf.derive(SrtpKdf.SRTCP_AUTHENTICATION, 20));
      wire = Arrays.copyOf(rtcp, rtcp.length + 14);
      wire[rtcp.length + 3] = (byte) index;
      mac.update(wire, 0, rtcp.length + 4);
      byte[] tag = new byte[20];
      mac.finish(tag, 0);
      System.arraycopy(tag, 0, wire, rtcp.length + 4, 10);
    }
    assertPlain(rtcp, unprotectRtcp(pair.b(), wire));
    assertEquals(SrtpDrop.REPLAYED, unprotectRtcp(pair.b(), wire));
  }

  @Test
  void boundsTheSsrcsAndForgedPacketsTakeNoPlace() {
    Pair pair = pair(SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpConfig.DEFAULT.withMaxSsrcs(2), 3);
    SrtpSession sender = new SrtpSession(pair.keysOfA());
    SrtpSession receiver = pair.b();
    byte[] forged = protectRtp(sender, rtp(1, 0x1111, 20));
    forged[forged.length - 1] ^= 1;
    assertEquals(SrtpDrop.AUTHENTICATION_FAILED, unprotectRtp(receiver, forged));
    assertTrue(unprotectRtp(receiver, protectRtp(sender, rtp(1, 0x2222, 20))) instanceof byte[]);
    assertTrue(unprotectRtcp(receiver, protectRtcp(sender, rtcp(0x3333))) instanceof byte[]);
    byte[] late = protectRtp(sender, rtp(2, 0x1111, 20));
    assertEquals(SrtpDrop.SSRC_LIMIT, unprotectRtp(receiver, late));
    assertEquals(SrtpDrop.SSRC_LIMIT, unprotectRtcp(receiver, protectRtcp(sender, rtcp(0x4444))));
    assertTrue(unprotectRtcp(receiver, protectRtcp(sender, rtcp(0x2222))) instanceof byte[]);
    assertEquals(2, receiver.drops().get(SrtpDrop.SSRC_LIMIT));

    // Sending from more SSRCs than the limit is the caller's own mistake.
    SrtpSession limited = pair.a();
    protectRtp(limited, rtp(1, 0x1111, 20));
    protectRtcp(limited, rtcp(0x2222));
    protectRtp(limited, rtp(1, 0x2222, 20));
    assertThrows(IllegalStateException.class, () -> protectRtp(limited, rtp(1, 0x5555, 20)));
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void dropsWhatIsNotAPacketAsMalformed(SrtpProfile profile) {
    SrtpSession s = pair(profile).b();
    byte[] extensionOverrun = rtp(1, SSRC, 40);
    extensionOverrun[0] |= 0x10;
    extensionOverrun[14] = 0x7F; // the extension claims 0x7Fxx words
    byte[] csrcOverrun = rtp(1, SSRC, 40);
    csrcOverrun[0] |= 0x0F; // 15 CSRCs: 60 bytes
    byte[] version1 = rtp(1, SSRC, 40);
    version1[0] = 0x40;
    byte[][] malformed = {
      new byte[0],
      new byte[11],
      rtp(1, SSRC, s.rtpOverhead() - 1),
      extensionOverrun,
      csrcOverrun,
      version1
    };
    for (byte[] p : malformed) {
      assertEquals(SrtpDrop.MALFORMED, unprotectRtp(s, p), () -> Arrays.toString(p));
    }
    assertEquals(SrtpDrop.MALFORMED, unprotectRtcp(s, new byte[7 + s.rtcpOverhead()]));
    assertEquals(SrtpDrop.MALFORMED, unprotectRtcp(s, Arrays.copyOf(rtcp(SSRC), 8 + 3)));
    assertEquals(malformed.length + 2, s.drops().get(SrtpDrop.MALFORMED));
    // The smallest packets that are not malformed: a bare header and the tag.
    assertEquals(SrtpDrop.AUTHENTICATION_FAILED, unprotectRtp(s, rtp(1, SSRC, s.rtpOverhead())));
  }

  @Test
  void protectsAndUnprotectsIntoOtherArraysLeavingTheSourceAlone() {
    Pair pair = pair(SrtpProfile.AES128_CM_HMAC_SHA1_32);
    byte[] plain = rtp(3, SSRC, 30);
    byte[] source = plain.clone();
    byte[] wire = new byte[5 + plain.length + 4];
    assertEquals(plain.length + 4, pair.a().protectRtp(source, 0, plain.length, wire, 5));
    assertArrayEquals(plain, source);
    byte[] back = new byte[3 + wire.length];
    assertEquals(plain.length, pair.b().unprotectRtp(wire, 5, plain.length + 4, back, 3));
    assertArrayEquals(plain, Arrays.copyOfRange(back, 3, 3 + plain.length));

    byte[] report = rtcp(SSRC);
    byte[] srtcp = new byte[report.length + 14];
    assertEquals(srtcp.length, pair.a().protectRtcp(report, 0, report.length, srtcp, 0));
    assertArrayEquals(rtcp(SSRC), report);
    byte[] out = new byte[srtcp.length];
    assertEquals(report.length, pair.b().unprotectRtcp(srtcp, 0, srtcp.length, out, 0));
    assertArrayEquals(report, Arrays.copyOf(out, report.length));
  }

  @Test
  void refusesTheCallersOwnMistakes() {
    SrtpSession s = pair(SrtpProfile.AEAD_AES_128_GCM).a();
    byte[] p = rtp(1, SSRC, 20);
    byte[] roomy = Arrays.copyOf(p, p.length + 16);
    assertThrows(
        IllegalArgumentException.class, () -> s.protectRtp(roomy, 0, p.length, p.length + 15));
    byte[] notRtp = roomy.clone();
    notRtp[0] = 0;
    assertThrows(
        IllegalArgumentException.class, () -> s.protectRtp(notRtp, 0, p.length, roomy.length));
    assertThrows(
        IndexOutOfBoundsException.class, () -> s.protectRtp(roomy, 1, p.length, roomy.length));
    assertThrows(IndexOutOfBoundsException.class, () -> s.unprotectRtp(p, 0, p.length + 1));
    assertThrows(IllegalArgumentException.class, () -> s.protectRtcp(new byte[40], 0, 8, 40));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SrtpSession(
                new SrtpKeyingMaterial(
                    SrtpProfile.AEAD_AES_128_GCM,
                    new byte[16],
                    new byte[14],
                    new byte[16],
                    new byte[12])));
    assertThrows(IllegalArgumentException.class, () -> new SrtpConfig(100, 10));
    assertThrows(IllegalArgumentException.class, () -> new SrtpConfig(64, 0));
    assertThrows(IllegalArgumentException.class, () -> SrtpDrop.fromResult(0));
    for (SrtpDrop d : SrtpDrop.values()) {
      assertEquals(d, SrtpDrop.fromResult(d.result()));
    }
  }

  /**
   * {@link GcmImplementation#JDK_CIPHER} and the allocation-free GCM write the same bytes, take
   * each other's packets, and refuse tampered ones alike, leaving them as they were. Some packets
   * are protected twice in a row under one index, which the JDK's cipher refuses to do itself.
   */
  @ParameterizedTest
  @EnumSource(
      value = SrtpProfile.class,
      names = {"AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
  void theJdkCipherWritesAndReadsWhatTheAllocationFreeGcmDoes(SrtpProfile profile) {
    Pair java = pair(profile, SrtpConfig.DEFAULT, 5);
    Pair jdk = pair(profile, SrtpConfig.DEFAULT.withGcm(GcmImplementation.JDK_CIPHER), 5);
    SplittableRandom random = new SplittableRandom(6);
    for (int i = 0; i < 200; i++) {
      int j = i % 7 == 3 ? i - 1 : i; // every 7th packet repeats its predecessor's SSRC and SEQ
      byte[] plain = rtp(65500 + j, SSRC + j % 3, random.nextInt(1300));
      byte[] wire = protectRtp(java.a(), plain);
      assertArrayEquals(wire, protectRtp(jdk.a(), plain), "packet " + i);
      if (i % 7 != 3) {
        Pair receiving = i % 2 == 0 ? jdk : java;
        assertPlain(plain, unprotectRtp(receiving.b(), wire));
      }
      byte[] tampered = wire.clone();
      tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
      byte[] before = tampered.clone();
      assertTrue(jdk.b().unprotectRtp(tampered, 0, tampered.length) < 0, "tampered " + i);
      assertArrayEquals(before, tampered, "a refused packet is left as it was");

      byte[] report = rtcp(SSRC);
      byte[] sealed = protectRtcp(java.a(), report);
      assertArrayEquals(sealed, protectRtcp(jdk.a(), report), "report " + i);
      assertPlain(report, unprotectRtcp(jdk.b(), sealed));
    }
  }

  /**
   * Once a stream is under way, nothing allocates: a rough check with the JVM's per-thread
   * allocation counter (the JMH benchmarks measure it properly). Any allocation per packet would
   * add at least 16 bytes times 20,000 packets.
   */
  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void allocatesNothingPerPacketOnceTheStreamIsUnderWay(SrtpProfile profile) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Pair pair = pair(profile);
    byte[] buffer = new byte[1300];
    byte[] report = new byte[200];
    int[] seq = {0};
    Runnable packet =
        () -> {
          byte[] p = rtp(seq[0]++, SSRC, 1000);
          System.arraycopy(p, 0, buffer, 0, p.length);
          int n = pair.a().protectRtp(buffer, 0, p.length, buffer.length);
          if (pair.b().unprotectRtp(buffer, 0, n) != p.length) {
            throw new AssertionError();
          }
          byte[] r = rtcp(SSRC);
          System.arraycopy(r, 0, report, 0, r.length);
          int m = pair.a().protectRtcp(report, 0, r.length, report.length);
          if (pair.b().unprotectRtcp(report, 0, m) != r.length) {
            throw new AssertionError();
          }
        };
    for (int i = 0; i < 20_000; i++) {
      packet.run();
    }
    // Measured without making test packets: protect and unprotect the same buffers only.
    int rtpLength = 1012;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 20_000; i++) {
      buffer[2] = (byte) (seq[0] >>> 8);
      buffer[3] = (byte) seq[0]++;
      int n = pair.a().protectRtp(buffer, 0, rtpLength, buffer.length);
      pair.b().unprotectRtp(buffer, 0, n);
      int m = pair.a().protectRtcp(report, 0, 32, report.length);
      pair.b().unprotectRtcp(report, 0, m);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(0, pair.b().drops().total(), pair.b().drops().toString());
    assertTrue(allocated < 16 * 20_000, "allocated " + allocated + " bytes for 20,000 packets");
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
