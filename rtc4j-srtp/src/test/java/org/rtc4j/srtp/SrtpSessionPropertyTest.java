package org.rtc4j.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rtc4j.dtls.SrtpProfile;

/**
 * Property tests: QuickTheories with a fixed seed. Random RTP and RTCP packets, with and without
 * CSRCs, header extensions and padding, at random offsets, round trip through protect and unprotect
 * for all four profiles; the header stays in the clear; one flipped bit is refused.
 */
class SrtpSessionPropertyTest {
  static final long SEED = 0x5EED_2026L;

  @Test
  void everyRtpPacketRoundTripsWithItsHeaderInTheClear() {
    qt().withFixedSeed(SEED)
        .withExamples(400)
        .forAll(
            integers().between(0, 3),
            integers().between(0, 1500),
            integers().between(0, 7),
            longs().all())
        .checkAssert(
            (profileIndex, payloadLength, offset, seed) -> {
              SrtpProfile profile = SrtpProfile.values()[profileIndex];
              SplittableRandom random = new SplittableRandom(seed);
              byte[] rtp = randomRtp(random, payloadLength);
              int headerLength = SrtpSession.rtpHeaderLength(rtp, 0, rtp.length);
              SrtpSessionTest.Pair pair = SrtpSessionTest.pair(profile, SrtpConfig.DEFAULT, seed);

              byte[] buffer = new byte[offset + rtp.length + pair.a().rtpOverhead() + 3];
              System.arraycopy(rtp, 0, buffer, offset, rtp.length);
              int n = pair.a().protectRtp(buffer, offset, rtp.length, buffer.length - offset);
              assertEquals(rtp.length + pair.a().rtpOverhead(), n);
              assertArrayEquals(
                  Arrays.copyOf(rtp, headerLength),
                  Arrays.copyOfRange(buffer, offset, offset + headerLength),
                  "the header, CSRCs and extension stay in the clear");
              if (payloadLength >= 8) {
                assertFalse(
                    Arrays.equals(
                        rtp,
                        headerLength,
                        rtp.length,
                        buffer,
                        offset + headerLength,
                        offset + rtp.length),
                    "the payload is encrypted");
              }
              byte[] wire = Arrays.copyOfRange(buffer, offset, offset + n);

              byte[] flipped = wire.clone();
              flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
              // A flipped header bit may also make it no RTP packet at all (version, CC, X).
              int refused = pair.b().unprotectRtp(flipped, 0, flipped.length);
              assertTrue(
                  refused == SrtpDrop.AUTHENTICATION_FAILED.result()
                      || refused == SrtpDrop.MALFORMED.result(),
                  () -> "a flipped bit gave " + refused);

              int m = pair.b().unprotectRtp(buffer, offset, n);
              assertEquals(rtp.length, m, () -> "dropped: " + pair.b().drops());
              assertArrayEquals(rtp, Arrays.copyOfRange(buffer, offset, offset + m));
            });
  }

  @Test
  void everyRtcpCompoundRoundTrips() {
    qt().withFixedSeed(SEED)
        .withExamples(200)
        .forAll(integers().between(0, 3), integers().between(8, 600), longs().all())
        .checkAssert(
            (profileIndex, length, seed) -> {
              SrtpProfile profile = SrtpProfile.values()[profileIndex];
              SplittableRandom random = new SplittableRandom(seed);
              byte[] rtcp = new byte[length];
              random.nextBytes(rtcp);
              rtcp[0] = (byte) (0x80 | (rtcp[0] & 0x3F));
              SrtpSessionTest.Pair pair = SrtpSessionTest.pair(profile, SrtpConfig.DEFAULT, seed);
              int sends = 1 + random.nextInt(3);
              byte[] wire = null;
              for (int i = 0; i < sends; i++) {
                wire = SrtpSessionTest.protectRtcp(pair.a(), rtcp);
              }
              byte[] copy = wire.clone();
              int n = pair.b().unprotectRtcp(copy, 0, copy.length);
              assertEquals(length, n, () -> "dropped: " + pair.b().drops());
              assertArrayEquals(rtcp, Arrays.copyOf(copy, n));
              assertEquals(
                  SrtpDrop.REPLAYED.result(), pair.b().unprotectRtcp(wire, 0, wire.length));
            });
  }

  /** A version 2 RTP packet with random CSRCs, extension, padding bit, SEQ and SSRC. */
  static byte[] randomRtp(SplittableRandom random, int payloadLength) {
    int csrcs = random.nextInt(4) == 0 ? random.nextInt(16) : 0;
    int extensionWords = random.nextBoolean() ? random.nextInt(5) : -1;
    int headerLength = 12 + 4 * csrcs + (extensionWords < 0 ? 0 : 4 + 4 * extensionWords);
    byte[] p = new byte[headerLength + payloadLength];
    random.nextBytes(p);
    p[0] =
        (byte) (0x80 | (random.nextBoolean() ? 0x20 : 0) | (extensionWords < 0 ? 0 : 0x10) | csrcs);
    if (extensionWords >= 0) {
      int at = 12 + 4 * csrcs;
      p[at + 2] = 0;
      p[at + 3] = (byte) extensionWords;
    }
    return p;
  }
}
