package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
  final Path local = Path.of("/tmp/runtask-local");

  @Test
  void fromEnvironment_nothingSet_embeddedH2UnderLocalDir() {
    DatabaseSettings s = DatabaseSettings.fromEnvironment(Map.of(), local);

    assertThat(s.isEmbeddedDefault()).isTrue();
    assertThat(s.url()).startsWith("jdbc:h2:file:/tmp/runtask-local/db/runtask;MODE=PostgreSQL");
  }

  @Test
  void fromEnvironment_onEcsWithoutUrl_refusesTheThrowAwayEmbeddedDatabase() {
    Map<String, String> ecs = Map.of("ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/x");

    assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(ecs, local))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessageStartingWith("RUNTASK_DB_URL is not set; on ECS");
  }

  @Test
  void fromEnvironment_userWithoutUrl_exit2ErrorNamingUrl() {
    assertThatThrownBy(
            () -> DatabaseSettings.fromEnvironment(Map.of("RUNTASK_DB_USER", "app"), local))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessageStartingWith("RUNTASK_DB_USER is set but RUNTASK_DB_URL is not");
  }

  @Test
  void fromEnvironment_notAJdbcUrl_errorNamingVariableAndHidingPassword() {
    assertThatThrownBy(
            () ->
                DatabaseSettings.fromEnvironment(
                    Map.of("RUNTASK_DB_URL", "postgres://db/app?password=hunter2"), local))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessageContaining("RUNTASK_DB_URL must start with jdbc:postgresql:")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void fromEnvironment_postgresUrlWithoutUser_errorNamingUser() {
    assertThatThrownBy(
            () ->
                DatabaseSettings.fromEnvironment(
                    Map.of("RUNTASK_DB_URL", "jdbc:postgresql://db/app"), local))
        .isInstanceOf(DatabaseSettingsException.class)
        .hasMessageStartingWith("RUNTASK_DB_USER is not set");
  }

  @Test
  void fromEnvironment_badPoolSize_errorNamingPoolSize() {
    assertThatThrownBy(
            () ->
                DatabaseSettings.fromEnvironment(
                    Map.of(
                        "RUNTASK_DB_URL",
                        "jdbc:postgresql://db/app",
                        "RUNTASK_DB_USER",
                        "app",
                        "RUNTASK_DB_POOL_SIZE",
                        "lots"),
                    local))
        .hasMessage("RUNTASK_DB_POOL_SIZE must be a whole number from 1 to 100, got 'lots'");
  }

  @Test
  void open_nothingListening_oneLineNamingTheDatabase() {
    DatabaseSettings nowhere =
        DatabaseSettings.of(
            "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "postgres", "secret");

    assertThatThrownBy(() -> PooledDatabase.open(nowhere))
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/test")
        .hasMessageNotContaining("secret")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
