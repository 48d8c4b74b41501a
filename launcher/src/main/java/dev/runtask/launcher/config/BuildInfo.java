package dev.runtask.launcher.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The git commit the launcher was built from: the default image tag, since CI tags images with it.
 */
public final class BuildInfo {
  static final String RESOURCE = "META-INF/runtask/launcher-git.properties";

  private BuildInfo() {}

  /** The full commit id, or null when the launcher was built outside a git checkout. */
  public static String gitCommit() {
    try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      String id = p.getProperty("git.commit.id.full");
      return id == null || id.isBlank() ? null : id.trim();
    } catch (IOException e) {
      return null;
    }
  }

  public static boolean dirty() {
    try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return false;
      }
      Properties p = new Properties();
      p.load(in);
      return Boolean.parseBoolean(p.getProperty("git.dirty", "false"));
    } catch (IOException e) {
      return false;
    }
  }
}
