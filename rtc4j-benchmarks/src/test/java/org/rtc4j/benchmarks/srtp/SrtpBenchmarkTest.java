package org.rtc4j.benchmarks.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rtc4j.dtls.SrtpProfile;
import org.rtc4j.srtp.GcmImplementation;

/**
 * Runs each benchmark method a few times per profile, so that a broken benchmark fails the build.
 */
class SrtpBenchmarkTest {

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void protectsAndUnprotectsEachOperation(SrtpProfile profile) {
    for (GcmImplementation gcm : GcmImplementation.values()) {
      runs(profile, gcm);
    }
  }

  private static void runs(SrtpProfile profile, GcmImplementation gcm) {
    SrtpBenchmark benchmark = new SrtpBenchmark();
    benchmark.profile = profile;
    benchmark.gcm = gcm;
    benchmark.size = 1200;
    benchmark.rtcpSize = 100;
    benchmark.setUp();

    int tag = profile.name().startsWith("AEAD") ? 16 : profile.name().endsWith("32") ? 4 : 10;
    int rtcpOverhead = 4 + (profile.name().startsWith("AEAD") ? 16 : 10);
    for (int i = 0; i < 10; i++) {
      assertEquals(1212 + tag, benchmark.protectRtp());
      assertEquals(1212, benchmark.protectAndUnprotectRtp());
      assertEquals(1212, benchmark.unprotectRtpTransform());
      assertEquals(100 + rtcpOverhead, benchmark.protectRtcp());
    }
  }
}
