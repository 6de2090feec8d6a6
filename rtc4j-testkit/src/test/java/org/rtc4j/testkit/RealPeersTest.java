package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The skip policy: run when possible, skip loudly on a developer machine, fail in CI. */
class RealPeersTest {

  @Test
  void nothingMissingMeansTheTestRuns() {
    assertDoesNotThrow(() -> RealPeers.decide(Optional.empty(), "true"));
    assertDoesNotThrow(() -> RealPeers.decide(Optional.empty(), null));
  }

  @Test
  void inCiAMissingBrowserFailsTheTest() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> RealPeers.decide(Optional.of("chromium is not installed"), "true"));
    assertTrue(e.getMessage().contains("chromium is not installed"), e.getMessage());
    assertTrue(e.getMessage().contains("CI"), e.getMessage());
  }

  @Test
  void elsewhereAMissingBrowserSkipsTheTestLoudly() {
    TestAbortedException e =
        assertThrows(
            TestAbortedException.class,
            () -> RealPeers.decide(Optional.of("firefox-esr is not installed"), null));
    assertTrue(e.getMessage().contains("SKIPPED"), e.getMessage());
    assertTrue(e.getMessage().contains("firefox-esr is not installed"), e.getMessage());
    assertThrows(
        TestAbortedException.class, () -> RealPeers.decide(Optional.of("missing"), "false"));
  }

  @Test
  void whatIsMissingNamesThePackageToInstallAndTheNamespaceProblem() {
    String both =
        RealPeers.missing(
                Browser.Kind.FIREFOX, Optional.empty(), Optional.of("network namespaces need root"))
            .orElseThrow();
    assertTrue(both.contains("apt-get install -y --no-install-recommends firefox-esr"), both);
    assertTrue(both.contains("network namespaces need root"), both);

    String browserOnly =
        RealPeers.missing(Browser.Kind.CHROMIUM, Optional.empty(), Optional.empty()).orElseThrow();
    assertTrue(browserOnly.startsWith("chromium is not installed"), browserOnly);
    assertTrue(browserOnly.contains("install it: apt-get"), browserOnly);

    assertEquals(
        Optional.empty(),
        RealPeers.missing(
            Browser.Kind.CHROMIUM, Optional.of(Path.of("/usr/bin/chromium")), Optional.empty()));
  }
}
