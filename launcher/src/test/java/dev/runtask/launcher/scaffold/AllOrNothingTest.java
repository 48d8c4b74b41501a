package dev.runtask.launcher.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtask.launcher.exit.LauncherException;
import dev.runtask.launcher.support.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure at any step leaves the repository exactly as it was: no file, no temporary file, no
 * directory. The tests run as root, where permission bits stop nothing, so failures are forced with
 * a regular file where a directory is needed, or (for the move step) with a failing mover.
 */
class AllOrNothingTest {
  @TempDir Path repo;

  @BeforeEach
  void copyRepository() {
    Repositories.minimalCopy(repo);
  }

  @Test
  void new_testSourceFolderIsAFile_exit2AndMainSourcesRemovedAgain() throws Exception {
    Files.createDirectories(repo.resolve("tasks/src/test/java/dev/runtask"));
    Files.writeString(repo.resolve("tasks/src/test/java/dev/runtask/tasks"), "not a directory");
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = new TestHost().workDir(repo).run("new", "backfill-orders", "--db");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .isEqualTo(
            "launcher: cannot write"
                + " tasks/src/test/java/dev/runtask/tasks/backfillorders/BackfillOrdersTaskTest.java:"
                + " tasks/src/test/java/dev/runtask/tasks is a file where a directory is needed; nothing was written");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_environmentTasksFolderIsAFile_exit2AndEverythingBeforeRemovedAgain() throws Exception {
    Path production = repo.resolve("task-definitions/production/tasks");
    try (var files = Files.list(production)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(production);
    Files.writeString(production, "not a directory");
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = new TestHost().workDir(repo).run("new", "backfill-orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "task-definitions/production/tasks is a file where a directory is needed",
            "nothing was written");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void create_moveFailsAfterTwoFilesMoved_movedFilesTemporariesAndDirectoriesRemoved() {
    ProjectLayout layout = ProjectLayout.locate(repo, repo);
    AtomicInteger moves = new AtomicInteger();
    AllOrNothingWriter writer =
        new AllOrNothingWriter(
            layout::display,
            (source, target) -> {
              if (moves.incrementAndGet() == 3) {
                throw new IOException("No space left on device");
              }
              Files.move(source, target);
            });
    Map<String, String> before = Repositories.snapshot(repo);

    assertThatThrownBy(
            () ->
                new TaskScaffolder(layout, writer)
                    .create(new TaskScaffolder.Request("backfill-orders", null, true)))
        .isInstanceOf(LauncherException.class)
        .hasMessage(
            "cannot write tasks/src/main/java/dev/runtask/tasks/backfillorders/BackfillOrdersRepository.java:"
                + " No space left on device; nothing was written");
    assertThat(moves).hasValue(3);
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void create_targetAppearsBeforeItsMove_notOverwrittenAndOthersRemoved() throws Exception {
    ProjectLayout layout = ProjectLayout.locate(repo, repo);
    Path theirs = repo.resolve("task-definitions/staging/tasks/backfill-orders.json");
    Map<Path, String> expected = new HashMap<>();
    AllOrNothingWriter writer =
        new AllOrNothingWriter(
            layout::display,
            (source, target) -> {
              if (target.equals(theirs)) {
                Files.writeString(theirs, "{\"cpu\": \"4096\"}\n");
                expected.put(theirs, "{\"cpu\": \"4096\"}\n");
              }
              Files.move(source, target);
            });
    Map<String, String> before = Repositories.snapshot(repo);

    assertThatThrownBy(
            () ->
                new TaskScaffolder(layout, writer)
                    .create(new TaskScaffolder.Request("backfill-orders", null, false)))
        .hasMessageContaining("cannot write task-definitions/staging/tasks/backfill-orders.json");
    assertThat(Files.readString(theirs)).isEqualTo(expected.get(theirs));
    Map<String, String> after = Repositories.snapshot(repo);
    after.remove("task-definitions/staging/tasks/backfill-orders.json");
    assertThat(after).isEqualTo(before);
  }
}
