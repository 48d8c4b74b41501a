package dev.runtask.launcher.run;

import dev.runtask.launcher.exit.LauncherException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether the image of a run can hold the tasks and definitions in the working tree: CI builds the
 * image tagged T from commit T, so when T is a commit of the project's git repository, tasks/ and
 * task-definitions/ must be exactly as in T — a changed, added or untracked file there is something
 * the image does not have (a new task would start and exit 2 "unknown task" in ECS). A project that
 * is not a git checkout (the compose service's /app) or a tag that is no commit here cannot be
 * checked and is not.
 */
final class ImageSources {
  static final List<String> PATHS = List.of("tasks", "task-definitions");
  private static final int SHOWN = 3;

  private ImageSources() {}

  /**
   * Refuses (exit 2) when {@code projectRoot}'s tasks/ or task-definitions/ differ from {@code
   * tag}.
   */
  static void require(Path projectRoot, String tag, boolean tagChosen) {
    if (tag == null || !inGitCheckout(projectRoot)) {
      return;
    }
    List<String> commit = git(projectRoot, "rev-parse", "--verify", "--quiet", tag + "^{commit}");
    if (commit == null || commit.isEmpty()) {
      return;
    }
    List<String> differing = new ArrayList<>();
    List<String> changed = git(projectRoot, concat("diff", "--name-only", commit.get(0), "--"));
    List<String> untracked =
        git(projectRoot, concat("ls-files", "--others", "--exclude-standard", "--"));
    if (changed == null || untracked == null) {
      return;
    }
    differing.addAll(changed);
    differing.addAll(untracked);
    if (differing.isEmpty()) {
      return;
    }
    String shown =
        String.join(", ", differing.subList(0, Math.min(SHOWN, differing.size())))
            + (differing.size() > SHOWN ? " and " + (differing.size() - SHOWN) + " more" : "");
    String short_ = commit.get(0).substring(0, Math.min(12, commit.get(0).length()));
    throw LauncherException.badInput(
        shown
            + " differ from commit "
            + short_
            + ", which the image tag "
            + (tagChosen ? "" : "(the launcher's build commit) ")
            + "names: that image does not have them — commit, let CI build and push the image,"
            + " and run that commit's launcher (or pass --image-tag with the commit of an image"
            + " that has them)");
  }

  private static boolean inGitCheckout(Path dir) {
    for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return true;
      }
    }
    return false;
  }

  private static String[] concat(String... head) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(PATHS);
    return all.toArray(String[]::new);
  }

  /** git's output lines, or null when git is missing or fails (then nothing can be checked). */
  private static List<String> git(Path dir, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return null;
      }
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
