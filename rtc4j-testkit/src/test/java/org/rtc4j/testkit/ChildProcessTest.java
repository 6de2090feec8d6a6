package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ChildProcess} with real processes: shell commands, and a JVM in a namespace. */
class ChildProcessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  private ChildProcess sh(String script) throws Exception {
    return ChildProcess.start(List.of("sh", "-c", script), Map.of(), dir.resolve("child.log"));
  }

  @Test
  void linesAreReadInOrderEachOnce() throws Exception {
    try (ChildProcess child = sh("echo one; echo two; echo three; exec cat")) {
      assertEquals("two", child.awaitLine(l -> l.startsWith("t"), WAIT));
      assertEquals("three", child.awaitLine(l -> true, WAIT), "the line after the match is next");
    }
  }

  @Test
  void writeLineReachesStdin() throws Exception {
    try (ChildProcess cat = sh("exec cat")) {
      cat.writeLine("hello");
      cat.writeLine("world");
      assertEquals("hello", cat.awaitLine(l -> true, WAIT));
      assertEquals("world", cat.awaitLine(l -> true, WAIT));
    }
  }

  @Test
  void stdoutAndStderrBothGoToTheLog() throws Exception {
    try (ChildProcess child = sh("echo to-out; echo to-err >&2; exec cat")) {
      child.awaitLine("to-err"::equals, WAIT);
      assertTrue(child.log().contains("to-out\n"), child.log());
      assertTrue(child.log().contains("to-err\n"), child.log());
      assertEquals(dir.resolve("child.log"), child.logFile());
    }
  }

  @Test
  void aTimeoutSaysWhatTheProcessPrinted() throws Exception {
    try (ChildProcess child = sh("echo started-fine; exec cat")) {
      child.awaitLine("started-fine"::equals, WAIT);
      AssertionError e =
          assertThrows(
              AssertionError.class, () -> child.awaitLine("never"::equals, Duration.ofMillis(200)));
      assertTrue(e.getMessage().contains("no matching line within 200 ms"), e.getMessage());
      assertTrue(e.getMessage().contains("started-fine"), e.getMessage());
      assertTrue(e.getMessage().contains("sh -c"), "names the command: " + e.getMessage());
    }
  }

  @Test
  void aProcessThatEndsWithoutTheLineFailsAtOnceWithItsExitCode() throws Exception {
    try (ChildProcess child = sh("echo giving-up; exit 3")) {
      long start = System.nanoTime();
      AssertionError e =
          assertThrows(AssertionError.class, () -> child.awaitLine("never"::equals, WAIT));
      assertTrue(System.nanoTime() - start < WAIT.toNanos() / 2, "did not wait for the timeout");
      assertTrue(e.getMessage().contains("exit 3"), e.getMessage());
      assertTrue(e.getMessage().contains("giving-up"), e.getMessage());
      assertEquals(OptionalInt.of(3), child.exitValue());
    }
  }

  @Test
  void aLastLineWithoutLineBreakCountsOnceTheProcessEnds() throws Exception {
    try (ChildProcess child = sh("printf 'first\\nno-newline'")) {
      assertEquals("no-newline", child.awaitLine(l -> l.startsWith("no-"), WAIT));
    }
  }

  @Test
  void aVeryLongLineIsCutIntoPieces() throws Exception {
    try (ChildProcess child = sh("head -c 70000 /dev/zero | tr '\\0' a; echo; echo end")) {
      String first = child.awaitLine(l -> true, WAIT);
      assertEquals(ChildProcess.MAX_LINE_BYTES, first.length());
      assertEquals(70000 - ChildProcess.MAX_LINE_BYTES, child.awaitLine(l -> true, WAIT).length());
      assertEquals("end", child.awaitLine(l -> true, WAIT));
    }
  }

  @Test
  void closingStdinEndsAChildThatReadsToTheEnd() throws Exception {
    try (ChildProcess cat = sh("cat; echo input-ended")) {
      cat.closeInput();
      assertEquals("input-ended", cat.awaitLine(l -> true, WAIT));
      assertTrue(cat.awaitExit(WAIT));
      assertEquals(OptionalInt.of(0), cat.exitValue());
      assertThrows(IllegalStateException.class, () -> cat.writeLine("late"));
    }
  }

  @Test
  void closeKillsTheWholeTree() throws Exception {
    ChildProcess parent =
        sh("tail -f /dev/null & tail -f /dev/null & sh -c 'tail -f /dev/null' & echo ready; wait");
    List<ProcessHandle> tree;
    try {
      parent.awaitLine("ready"::equals, WAIT);
      tree = ProcessHandle.of(parent.pid()).orElseThrow().descendants().toList();
      // The inner sh may not have started its tail yet (or may exec it): at least three.
      assertTrue(tree.size() >= 3, "the tails and a shell: " + tree);
    } finally {
      parent.close();
    }
    assertFalse(parent.isAlive());
    for (ProcessHandle p : tree) {
      assertTrue(ProcessTree.isGone(p), "killed: " + p.pid());
    }
    parent.close(); // idempotent
  }

  @Test
  void writeLineTakesOneLineAtATime() throws Exception {
    try (ChildProcess cat = sh("exec cat")) {
      assertThrows(IllegalArgumentException.class, () -> cat.writeLine("a\nb"));
    }
  }

  @Test
  void logTailKeepsTheLastLines() {
    assertEquals("c\nd", ChildProcess.lastLines("a\nb\nc\nd\n", 2));
    assertEquals("a\nb", ChildProcess.lastLines("a\nb", 5));
    assertEquals("", ChildProcess.lastLines("a\nb", 0));
  }

  @Test
  void javaRunsATestClassInsideTheNamespaceWhereOnlyLoopbackExists() throws Exception {
    RealPeers.assumeNetworkNamespaces();
    try (NetworkNamespace ns = NetworkNamespace.create("rtc4j-test");
        ChildProcess lister =
            ChildProcess.java(
                ns, InterfaceLister.class.getName(), List.of(), dir.resolve("lister.log"))) {
      assertEquals("INTERFACE lo up", lister.awaitLine(l -> l.startsWith("INTERFACE "), WAIT));
      assertEquals("DONE", lister.awaitLine(l -> true, WAIT), "and no other interface");
      assertTrue(lister.awaitExit(WAIT));
      assertEquals(OptionalInt.of(0), lister.exitValue());
    }
  }
}
