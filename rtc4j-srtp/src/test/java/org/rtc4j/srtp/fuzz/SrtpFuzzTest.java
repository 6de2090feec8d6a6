package org.rtc4j.srtp.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.rtc4j.dtls.SrtpKeyingMaterial;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.GcmImplementation;
import org.rtc4j.srtp.SrtpConfig;
import org.rtc4j.srtp.SrtpDrop;
import org.rtc4j.srtp.SrtpSession;

/**
 * Jazzer fuzz targets for {@link SrtpSession}'s receive side. Without {@code JAZZER_FUZZ} they run
 * as ordinary tests over the seeds in {@code SrtpFuzzTestInputs/<target>/}. To fuzz one:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m ./mvnw -B -pl rtc4j-srtp -am test \
 *     -Dtest='SrtpFuzzTest#unprotectArbitraryBytes' -Dsurefire.failIfNoSpecifiedTests=false
 * }</pre>
 */
class SrtpFuzzTest {
  private static final byte[] KEY_128 = bytes(16, 1);
  private static final byte[] KEY_256 = bytes(32, 2);
  private static final byte[] SALT_14 = bytes(14, 3);
  private static final byte[] SALT_12 = bytes(12, 4);

  /**
   * Arbitrary bytes as SRTP and as SRTCP, under every profile, at an offset inside a larger array:
   * nothing throws, every result is a length within the input or a drop, every drop is counted, the
   * bytes around the packet are untouched, and a refused packet is left as it was. GCM profiles are
   * tried with both {@link GcmImplementation}s.
   */
  @FuzzTest
  void unprotectArbitraryBytes(byte[] data) {
    for (SrtpConfig config : CONFIGS) {
      for (SrtpProfile profile : SrtpProfile.values()) {
        if (config.gcm() == GcmImplementation.JDK_CIPHER && !isGcm(profile)) {
          continue;
        }
        unprotectArbitraryBytes(data, new SrtpSession(keys(profile), config));
      }
    }
  }

  private static void unprotectArbitraryBytes(byte[] data, SrtpSession session) {
    for (boolean rtcp : new boolean[] {false, true}) {
      byte[] buffer = new byte[data.length + 6];
      Arrays.fill(buffer, (byte) 0x5A);
      System.arraycopy(data, 0, buffer, 3, data.length);
      long dropsBefore = session.drops().total();
      int n =
          rtcp
              ? session.unprotectRtcp(buffer, 3, data.length)
              : session.unprotectRtp(buffer, 3, data.length);
      assertOutcome(session, dropsBefore, n, data.length);
      if (n < 0) {
        assertArrayEquals(data, Arrays.copyOfRange(buffer, 3, 3 + data.length));
      }
      for (int i : new int[] {0, 1, 2, buffer.length - 3, buffer.length - 2, buffer.length - 1}) {
        assertEquals((byte) 0x5A, buffer[i], "a byte outside the packet changed");
      }
    }
  }

  /**
   * A genuine packet built from the input (profile, RTP or RTCP, header bits, payload), protected,
   * then cut or changed where the input says: the untouched packet comes back exactly, once (its
   * second arrival is a replay), and a changed one is refused without an exception. A receiver with
   * the JDK's GCM cipher does the same.
   */
  @FuzzTest
  void unprotectDamagedGenuinePackets(FuzzedDataProvider data) {
    SrtpProfile profile = SrtpProfile.values()[data.consumeInt(0, 3)];
    boolean rtcp = data.consumeBoolean();
    int flipAt = data.consumeInt(-1, 2000);
    int cutTo = data.consumeInt(-1, 2000);
    byte[] packet = data.consumeBytes(1500);
    if (packet.length < (rtcp ? 8 : 12)) {
      return;
    }
    packet[0] = (byte) (0x80 | (packet[0] & 0x2F)); // version 2; for RTP: no extension
    SrtpKeyingMaterial keys = keys(profile);
    SrtpSession sender = new SrtpSession(keys);
    for (SrtpConfig config : CONFIGS) {
      if (config.gcm() == GcmImplementation.ALLOCATION_FREE || isGcm(profile)) {
        receive(sender, new SrtpSession(keys, config), rtcp, packet, flipAt, cutTo);
      }
    }
  }

  private static void receive(
      SrtpSession sender,
      SrtpSession receiver,
      boolean rtcp,
      byte[] packet,
      int flipAt,
      int cutTo) {
    int overhead = rtcp ? sender.rtcpOverhead() : sender.rtpOverhead();
    byte[] wire = Arrays.copyOf(packet, packet.length + overhead);
    int csrcBytes = 4 * (packet[0] & 0x0F);
    if (!rtcp && 12 + csrcBytes > packet.length) {
      return;
    }
    int n =
        rtcp
            ? sender.protectRtcp(wire, 0, packet.length, wire.length)
            : sender.protectRtp(wire, 0, packet.length, wire.length);
    assertEquals(wire.length, n);
    boolean damaged = false;
    if (flipAt >= 0 && flipAt < n) {
      wire[flipAt] ^= 0x20;
      damaged = true;
    }
    int length = n;
    if (cutTo >= 0 && cutTo < n) {
      length = cutTo;
      damaged = true;
    }
    byte[] received = Arrays.copyOf(wire, length);
    long dropsBefore = receiver.drops().total();
    int m =
        rtcp
            ? receiver.unprotectRtcp(received, 0, length)
            : receiver.unprotectRtp(received, 0, length);
    assertOutcome(receiver, dropsBefore, m, length);
    if (damaged) {
      assertTrue(m < 0, "a damaged packet was accepted");
      return;
    }
    assertEquals(packet.length, m);
    assertArrayEquals(packet, Arrays.copyOf(received, m));
    byte[] again = Arrays.copyOf(wire, length);
    int replay =
        rtcp ? receiver.unprotectRtcp(again, 0, length) : receiver.unprotectRtp(again, 0, length);
    assertEquals(SrtpDrop.REPLAYED.result(), replay);
  }

  private static final SrtpConfig[] CONFIGS = {
    SrtpConfig.DEFAULT.withMaxSsrcs(1),
    SrtpConfig.DEFAULT.withMaxSsrcs(1).withGcm(GcmImplementation.JDK_CIPHER)
  };

  private static boolean isGcm(SrtpProfile profile) {
    return profile == SrtpProfile.AEAD_AES_128_GCM || profile == SrtpProfile.AEAD_AES_256_GCM;
  }

  private static void assertOutcome(SrtpSession session, long dropsBefore, int n, int length) {
    if (n >= 0) {
      assertTrue(n <= length, "longer than the input: " + n);
      assertEquals(dropsBefore, session.drops().total());
    } else {
      SrtpDrop.fromResult(n);
      assertEquals(dropsBefore + 1, session.drops().total());
    }
  }

  private static SrtpKeyingMaterial keys(SrtpProfile profile) {
    byte[] key = profile.keyLength() == 16 ? KEY_128 : KEY_256;
    byte[] salt = profile.saltLength() == 14 ? SALT_14 : SALT_12;
    return new SrtpKeyingMaterial(profile, key, salt, key, salt);
  }

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 31 + i * 7);
    }
    return b;
  }
}
