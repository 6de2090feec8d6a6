package org.rtc4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProcessTree}: what counts as ended, and killing a tree. */
class ProcessTreeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void aZombieCountsAsEndedThoughItsParentNeverReapsIt() throws Exception {
    // The subshell ends at once; its parent becomes tail, which never waits for children.
    try (ChildProcess parent =
        ChildProcess.start(
            List.of("sh", "-c", "(echo child-done) & exec tail -f /dev/null"),
            Map.of(),
            dir.resolve("zombie.log"))) {
      parent.awaitLine("child-done"::equals, WAIT);
      ProcessHandle self = ProcessHandle.of(parent.pid()).orElseThrow();
      List<ProcessHandle> children = self.children().toList();
      assertEquals(1, children.size(), "the subshell is still listed: " + children);
      assertTrue(ProcessTree.awaitExit(children, WAIT), "a zombie is as good as gone");
      assertFalse(ProcessTree.isGone(self), "the parent runs");
    }
  }

  @Test
  void awaitExitGivesUpAfterItsTimeout() throws Exception {
    try (ChildProcess running =
        ChildProcess.start(List.of("tail", "-f", "/dev/null"), Map.of(), dir.resolve("t.log"))) {
      ProcessHandle handle = ProcessHandle.of(running.pid()).orElseThrow();
      long start = System.nanoTime();
      assertFalse(ProcessTree.awaitExit(List.of(handle), Duration.ofMillis(100)));
      assertTrue(System.nanoTime() - start < WAIT.toNanos(), "bounded");
      assertTrue(ProcessTree.kill(handle, WAIT));
      assertTrue(ProcessTree.isGone(handle));
    }
  }
}
