package dev.runtask.runtime.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is: JDBC URL, user, password and pool size, read from RUNTASK_DB_* variables.
 * Without RUNTASK_DB_URL the embedded default is used: an H2 file database in PostgreSQL mode under
 * {@code .local/}.
 */
public final class DatabaseSettings {
  public static final String URL = "RUNTASK_DB_URL";
  public static final String USER = "RUNTASK_DB_USER";
  public static final String PASSWORD = "RUNTASK_DB_PASSWORD";
  public static final String POOL_SIZE = "RUNTASK_DB_POOL_SIZE";

  /** Set by ECS in every container; its presence means "not a developer machine". */
  static final String ECS_METADATA = "ECS_CONTAINER_METADATA_URI_V4";

  private final String url;
  private final String user;
  private final String password;
  private final int poolSize;
  private final boolean embeddedDefault;

  private DatabaseSettings(
      String url, String user, String password, int poolSize, boolean embeddedDefault) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.poolSize = poolSize;
    this.embeddedDefault = embeddedDefault;
  }

  /** Explicit settings, e.g. for tests. */
  public static DatabaseSettings of(String url, String user, String password) {
    return validated(
        Map.of(URL, url, USER, user, PASSWORD, password == null ? "" : password),
        Path.of(".local"));
  }

  /** Reads the RUNTASK_DB_* variables; {@code localDir} holds the embedded default database. */
  public static DatabaseSettings fromEnvironment(Map<String, String> env, Path localDir) {
    return validated(env, localDir);
  }

  private static DatabaseSettings validated(Map<String, String> env, Path localDir) {
    String url = blankToNull(env.get(URL));
    String user = blankToNull(env.get(USER));
    String password = env.get(PASSWORD);
    int poolSize = poolSize(env.get(POOL_SIZE));
    if (url == null) {
      if (env.containsKey(ECS_METADATA)) {
        throw new DatabaseSettingsException(
            URL
                + " is not set; on ECS the embedded default"
                + " database would be thrown away with the container: set "
                + URL
                + " (and "
                + USER
                + ", "
                + PASSWORD
                + ") in the task definition");
      }
      if (user != null || password != null) {
        throw new DatabaseSettingsException(
            (user != null ? USER : PASSWORD)
                + " is set but "
                + URL
                + " is not; set "
                + URL
                + " to a jdbc:postgresql:// URL (or unset both to use the embedded database)");
      }
      Path file = localDir.toAbsolutePath().resolve("db").resolve("runtask");
      return new DatabaseSettings(embeddedUrl(file), "sa", "", poolSize, true);
    }
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new DatabaseSettingsException(
          URL
              + " must start with jdbc:postgresql: or jdbc:h2:, got '"
              + DatabaseUrls.mask(url)
              + "'"
              + (url.startsWith("postgres://") || url.startsWith("postgresql://")
                  ? "; write a libpq-style URL as jdbc:postgresql://HOST:PORT/DB and give the user"
                      + " and password in "
                      + USER
                      + " and "
                      + PASSWORD
                  : ""));
    }
    if (user == null && url.startsWith("jdbc:postgresql:") && !url.contains("user=")) {
      throw new DatabaseSettingsException(
          USER + " is not set; it is required together with " + URL);
    }
    return new DatabaseSettings(url, user, password == null ? "" : password, poolSize, false);
  }

  /** The JDBC URL of an H2 file database in PostgreSQL mode that several processes may open. */
  public static String embeddedUrl(Path file) {
    return "jdbc:h2:file:"
        + file.toAbsolutePath()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
  }

  private static int poolSize(String raw) {
    if (blankToNull(raw) == null) {
      return 4;
    }
    try {
      int n = Integer.parseInt(raw.trim());
      if (n >= 1 && n <= 100) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message below
    }
    throw new DatabaseSettingsException(
        POOL_SIZE + " must be a whole number from 1 to 100, got '" + raw + "'");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String url() {
    return url;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public int poolSize() {
    return poolSize;
  }

  public boolean isEmbeddedDefault() {
    return embeddedDefault;
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Identifies the database for "already migrated in this process" bookkeeping. */
  String key() {
    return url + "|" + Objects.toString(user, "");
  }

  @Override
  public String toString() {
    return DatabaseUrls.mask(url) + (user == null ? "" : " as " + user);
  }
}
