package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NetworkNamespace} with real namespaces: needs root and iproute2 (skipped without them,
 * failed in CI).
 */
class NetworkNamespaceTest {

  @BeforeEach
  void needsNamespaces() {
    RealPeers.assumeNetworkNamespaces();
  }

  @Test
  void aNewNamespaceHasOnlyLoopbackAndItIsUp() throws Exception {
    try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-test")) {
      assertTrue(ns.name().startsWith("rtc4j-test-" + ProcessHandle.current().pid() + "-"));
      assertTrue(Files.exists(Path.of("/var/run/netns", ns.name())), "ip netns add made it");

      List<String> links = run(ns.wrap(List.of("ip", "-o", "link", "show")));
      assertEquals(1, links.size(), "only lo: " + links);
      assertTrue(links.get(0).contains(": lo:"), links.get(0));
      assertTrue(links.get(0).contains(",UP"), "lo is up: " + links.get(0));
    }
  }

  @Test
  void closeKillsWhatStillRunsInsideAndDeletesTheNamespace() throws Exception {
    NetworkNamespace ns = NetworkNamespace.create("rtc4j-test");
    Process straggler =
        new ProcessBuilder(ns.wrap(List.of("tail", "-f", "/dev/null")))
            .redirectErrorStream(true)
            .start();
    try {
      assertTrue(straggler.isAlive());
      assertTrue(waitUntilListed(ns, straggler), "ip netns pids lists " + straggler.pid());

      ns.close();

      assertTrue(straggler.waitFor(5, TimeUnit.SECONDS), "the straggler was killed");
      assertFalse(Files.exists(Path.of("/var/run/netns", ns.name())), "deleted");
      assertEquals(List.of(), ns.pids());
      ns.close(); // idempotent
    } finally {
      straggler.destroyForcibly();
      ns.close();
    }
  }

  @Test
  void eachNamespaceGetsItsOwnName() {
    try (NetworkNamespace a = NetworkNamespace.create("rtc4j-test");
        NetworkNamespace b = NetworkNamespace.create("rtc4j-test")) {
      assertNotEquals(a.name(), b.name());
    }
  }

  @Test
  void wrapPrefixesIpNetnsExecAndIsRefusedOnceClosed() {
    NetworkNamespace ns = NetworkNamespace.create("rtc4j-test");
    List<String> wrapped = ns.wrap(List.of("true", "x"));
    assertEquals(List.of("netns", "exec", ns.name(), "true", "x"), wrapped.subList(1, 6));
    assertTrue(wrapped.get(0).endsWith("/ip"), wrapped.get(0));
    ns.close();
    assertThrows(IllegalStateException.class, () -> ns.wrap(List.of("true")));
  }

  @Test
  void namespacesAreAvailableHere() {
    assertEquals(java.util.Optional.empty(), NetworkNamespace.unavailableReason());
  }

  @Test
  void aPrefixMustBeShortLowerCaseAndDashes() {
    assertThrows(IllegalArgumentException.class, () -> NetworkNamespace.create("Upper"));
    assertThrows(IllegalArgumentException.class, () -> NetworkNamespace.create("a/b"));
    assertThrows(IllegalArgumentException.class, () -> NetworkNamespace.create(""));
    assertThrows(IllegalArgumentException.class, () -> NetworkNamespace.create("a".repeat(21)));
  }

  /** Runs a short command to its end (at most 10 s) and returns its output lines. */
  static List<String> run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "finished: " + command);
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), out);
      return out.lines().toList();
    } finally {
      p.destroyForcibly();
    }
  }

  /** Whether {@code process} shows up in {@code ip netns pids} within 5 s. */
  private static boolean waitUntilListed(NetworkNamespace ns, Process process)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (ns.pids().contains(process.pid())) {
        return true;
      }
      // ip joins the namespace just after it starts; look again in 50 ms (or when it ends).
      if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }
}
