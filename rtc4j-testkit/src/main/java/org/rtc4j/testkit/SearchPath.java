package org.rtc4j.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds executables the way a shell does, on a {@code PATH}-style list of directories. It exists so
 * that the launchers ({@link NetworkNamespace}, {@link Browser}) look programs up in one way.
 */
final class SearchPath {
  private SearchPath() {}

  /**
   * The first of {@code names} that is an executable regular file in one of the directories of
   * {@code path} (a {@code PATH}-style list, may be null) or, after those, of {@code extraDirs}.
   * Names are tried in order, each in every directory, before the next name.
   */
  static Optional<Path> find(String path, List<String> extraDirs, List<String> names) {
    List<String> dirs = new ArrayList<>();
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          dirs.add(dir);
        }
      }
    }
    dirs.addAll(extraDirs);
    for (String name : names) {
      for (String dir : dirs) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
