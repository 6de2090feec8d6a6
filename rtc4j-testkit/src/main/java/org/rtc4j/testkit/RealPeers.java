package org.rtc4j.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The skip policy of real-peer tests: a test that needs a browser (or a network namespace) runs
 * when it can, skips loudly on a developer's machine that lacks what it needs, and fails in CI,
 * which must run it.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @EnumSource(Browser.Kind.class)
 * void dataChannelWithABrowser(Browser.Kind kind) {
 *   RealPeers.assumeAvailable(kind); // first line of the test
 *   ...
 * }
 * }</pre>
 *
 * <p>CI is recognised by the environment variable {@code CI=true}, which {@code .ci/run} exports
 * (as GitHub Actions and most CI systems do).
 */
public final class RealPeers {
  /** The environment variable that marks a CI run when it is {@code "true"}. */
  public static final String CI_VARIABLE = "CI";

  private RealPeers() {}

  /**
   * Returns when {@code kind} can run here: its executable is installed and network namespaces work
   * (root and iproute2). Otherwise fails in CI or skips elsewhere, naming what to install.
   *
   * @throws AssertionError if something is missing and {@code CI} is {@code "true"}
   * @throws org.opentest4j.TestAbortedException if something is missing otherwise (JUnit reports
   *     the test as skipped, with the reason)
   */
  public static void assumeAvailable(Browser.Kind kind) {
    decide(missing(kind), System.getenv(CI_VARIABLE));
  }

  /**
   * Returns when network namespaces work here (root and iproute2); otherwise fails in CI or skips
   * elsewhere, like {@link #assumeAvailable}.
   *
   * @throws AssertionError if they do not and {@code CI} is {@code "true"}
   * @throws org.opentest4j.TestAbortedException if they do not, otherwise
   */
  public static void assumeNetworkNamespaces() {
    decide(NetworkNamespace.unavailableReason(), System.getenv(CI_VARIABLE));
  }

  /** What keeps {@code kind} from running here, if anything. */
  static Optional<String> missing(Browser.Kind kind) {
    return missing(kind, Browser.executable(kind), NetworkNamespace.unavailableReason());
  }

  /**
   * What keeps {@code kind} from running, given where its executable is (if anywhere) and why
   * namespaces do not work (if they do not).
   */
  static Optional<String> missing(
      Browser.Kind kind, Optional<Path> executable, Optional<String> namespacesUnavailable) {
    List<String> reasons = new ArrayList<>();
    if (executable.isEmpty()) {
      reasons.add(
          kind.debianPackage()
              + " is not installed (none of "
              + kind.executableNames()
              + " on PATH; install it: apt-get install -y --no-install-recommends "
              + kind.debianPackage()
              + ")");
    }
    namespacesUnavailable.ifPresent(reasons::add);
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }

  /**
   * Runs, fails or skips: nothing when {@code missing} is empty; an {@link AssertionError} when
   * {@code ciVariable} is {@code "true"}; otherwise a JUnit abort (a skip).
   */
  static void decide(Optional<String> missing, String ciVariable) {
    if (missing.isEmpty()) {
      return;
    }
    if ("true".equals(ciVariable)) {
      throw new AssertionError(
          "REAL-PEER TEST CANNOT RUN IN CI: "
              + missing.get()
              + ". CI must run it: .ci/run installs chromium, firefox-esr and iproute2 and runs as"
              + " root.");
    }
    Assumptions.abort(
        "!!! REAL-PEER TEST SKIPPED: "
            + missing.get()
            + ". It runs (and must pass) in CI, where "
            + CI_VARIABLE
            + "=true; run .ci/run or install what is named here to run it locally.");
  }
}
