package dev.runtask.launcher.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.launcher.config.ConfigDirectory;
import dev.runtask.launcher.config.Environment;
import dev.runtask.launcher.config.TaskOverrides;
import dev.runtask.launcher.config.Templates;
import dev.runtask.launcher.render.RenderedDefinition;
import dev.runtask.launcher.render.TaskDefinitionRenderer;
import dev.runtask.launcher.support.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launcher new} as a user runs it, in a copy of this repository. */
class NewCommandTest {
  @TempDir Path repo;

  @BeforeEach
  void copyRepository() {
    Repositories.minimalCopy(repo);
  }

  TestHost.Result launcher(String... args) {
    return new TestHost().workDir(repo).run(args);
  }

  @Test
  void new_plainTask_writesTaskTestAndAnEntryPerEnvironment() throws Exception {
    TestHost.Result result =
        launcher("new", "backfill-orders", "--description", "Backfills orders from the old system");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "tasks/src/main/java/dev/runtask/tasks/backfillorders/BackfillOrdersTask.java",
            "tasks/src/test/java/dev/runtask/tasks/backfillorders/BackfillOrdersTaskTest.java",
            "task-definitions/local/tasks/backfill-orders.json",
            "task-definitions/staging/tasks/backfill-orders.json",
            "task-definitions/production/tasks/backfill-orders.json",
            "mvn -B -pl tasks -am verify -Dtest=BackfillOrdersTaskTest",
            "java -jar launcher/target/launcher.jar run -e local -n backfill-orders");
    String task =
        Files.readString(
            repo.resolve(
                "tasks/src/main/java/dev/runtask/tasks/backfillorders/BackfillOrdersTask.java"));
    assertThat(task)
        .contains(
            "package dev.runtask.tasks.backfillorders;",
            "@Task(",
            "name = \"backfill-orders\"",
            "description = \"Backfills orders from the old system\"",
            "public final class BackfillOrdersTask implements RunnableTask",
            "names = \"--limit\"");
    assertThat(
            Files.readString(
                repo.resolve(
                    "tasks/src/test/java/dev/runtask/tasks/backfillorders/BackfillOrdersTaskTest.java")))
        .contains("TaskRuntime.builder()", "execute(\"backfill-orders\", \"--limit\", \"5\")")
        .doesNotContain("@DatabaseTest");
    assertThat(
            repo.resolve(
                "tasks/src/main/java/dev/runtask/tasks/backfillorders/BackfillOrders.java"))
        .doesNotExist();
    assertThat(result.err()).isEmpty();
  }

  @Test
  void new_dbTask_writesUsecaseOnTheTransactionPortRepositoryAndRollbackTest() throws Exception {
    TestHost.Result result = launcher("new", "archive-orders", "--db");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    Path main = repo.resolve("tasks/src/main/java/dev/runtask/tasks/archiveorders");
    assertThat(Files.readString(main.resolve("ArchiveOrdersTask.java")))
        .contains(
            "description = \"Archive orders\"",
            "Database db = context.database();",
            "DryRun dryRun;");
    assertThat(Files.readString(main.resolve("ArchiveOrders.java")))
        .contains("import dev.runtask.runtime.tx.Transactions;", "transactions.inTransaction(")
        .doesNotContain("java.sql");
    assertThat(Files.readString(main.resolve("ArchiveOrdersRepository.java")))
        .contains(
            "import dev.runtask.runtime.db.ConnectionProvider;",
            "connections.withConnection(c -> {");
    assertThat(
            Files.readString(
                repo.resolve(
                    "tasks/src/test/java/dev/runtask/tasks/archiveorders/ArchiveOrdersTaskTest.java")))
        .contains("@DatabaseTest", "Transactions transactions", "ConnectionProvider connections");
  }

  @Test
  void new_entries_sizedLikeTheEnvironmentAndRenderedAsTheTasksOwnFamily() throws Exception {
    launcher("new", "backfill-orders");

    assertThat(
            Files.readString(repo.resolve("task-definitions/staging/tasks/backfill-orders.json")))
        .isEqualTo("{\n  \"cpu\": \"512\",\n  \"memory\": \"1024\",\n  \"environment\": {}\n}\n");
    assertThat(Files.readString(repo.resolve("task-definitions/local/tasks/backfill-orders.json")))
        .isEqualTo("{\n  \"environment\": {}\n}\n");
    // What `launcher run/render -n backfill-orders` does once the task is built into the manifest.
    ConfigDirectory config = new ConfigDirectory(repo.resolve("task-definitions"));
    Templates templates = new Templates(Map.of(), "abc");
    Environment production = config.load("production", templates);
    TaskOverrides overrides = config.overrides(production, "backfill-orders", templates);
    assertThat(overrides).isEqualTo(new TaskOverrides("1024", "2048", Map.of()));
    RenderedDefinition rendered =
        TaskDefinitionRenderer.render(production, "backfill-orders", overrides, "definition");
    assertThat(rendered.request().family()).isEqualTo("runtask-production-backfill-orders");
    assertThat(rendered.request().cpu()).isEqualTo("1024");
  }

  @Test
  void new_nameOfAnExistingTask_exit2NothingWritten() {
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = launcher("new", "hello-world");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .isEqualTo(
            "launcher: task name \"hello-world\" is taken:"
                + " tasks/src/main/java/dev/runtask/tasks/samples/HelloWorld.java already declares"
                + " @Task(name = \"hello-world\"); choose another name");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_sameNameTwice_secondExit2AndFirstFilesUnchanged() throws Exception {
    launcher("new", "backfill-orders", "--description", "First");
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result again = launcher("new", "backfill-orders", "--description", "Second", "--db");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("task name \"backfill-orders\" is taken");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_entryAlreadyExistsForTheName_exit2AndTheFileIsNotOverwritten() throws Exception {
    Path entry = repo.resolve("task-definitions/staging/tasks/backfill-orders.json");
    Files.writeString(entry, "{\"cpu\": \"4096\"}\n");
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = launcher("new", "backfill-orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("task-definitions/staging/tasks/backfill-orders.json already exists");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_packageDirectoryExists_exit2NothingWritten() throws Exception {
    Files.createDirectories(repo.resolve("tasks/src/test/java/dev/runtask/tasks/backfillorders"));
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = launcher("new", "backfill-orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains(
            "its package directory tasks/src/test/java/dev/runtask/tasks/backfillorders"
                + " already exists");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_invalidName_exit2OneLine() {
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = launcher("new", "Backfill_Orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .startsWith("launcher: invalid task name \"Backfill_Orders\": use kebab-case");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_dbTaskWhoseUsecaseWouldHideAJavaLangType_exit2NothingWritten() {
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = launcher("new", "string", "--db");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("usecase class String would hide java.lang.String");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_descriptionWithALineBreak_exit2() {
    TestHost.Result result = launcher("new", "backfill-orders", "--description", "two\nlines");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--description must be one line");
  }

  @Test
  void new_descriptionWithQuotesAndCommentEnd_escapedInSource() throws Exception {
    launcher("new", "backfill-orders", "--description", "Copies \"old\" rows */ C:\\temp <b>");

    String task =
        Files.readString(
            repo.resolve(
                "tasks/src/main/java/dev/runtask/tasks/backfillorders/BackfillOrdersTask.java"));
    assertThat(task)
        .contains("description = \"Copies \\\"old\\\" rows */ C:\\\\temp <b>\"")
        .contains(" * Copies \"old\" rows *&#47; C:&#92;temp &lt;b&gt;.");
  }

  @Test
  void new_directoryUnderTaskDefinitionsIsNoEnvironment_exit2NothingWritten() throws Exception {
    Files.createDirectories(repo.resolve("task-definitions/stagin/tasks"));
    Map<String, String> before = Repositories.snapshot(repo);

    TestHost.Result result = launcher("new", "backfill-orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("unknown environment task-definitions/stagin/: it has no environment.json");
    assertThat(Repositories.snapshot(repo)).isEqualTo(before);
  }

  @Test
  void new_repoWithoutTaskDefinitions_exit2NamingTheDirectory(@TempDir Path other)
      throws Exception {
    Files.writeString(other.resolve("pom.xml"), "<project/>");
    Files.createDirectories(other.resolve("tasks"));
    Files.writeString(other.resolve("tasks/pom.xml"), "<project/>");

    TestHost.Result result = launcher("new", "backfill-orders", "--repo", other.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines())
        .singleElement()
        .asString()
        .contains("is not a project root: it has no environments directory task-definitions/");
    assertThat(Repositories.snapshot(other))
        .containsOnlyKeys("", "pom.xml", "tasks", "tasks/pom.xml");
  }

  @Test
  void new_outsideAnyProject_exit2AskingForRepo(@TempDir Path elsewhere) {
    TestHost.Result result = new TestHost().workDir(elsewhere).run("new", "backfill-orders");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("no project root in", "pass --repo DIR");
  }

  @Test
  void new_fromASubdirectory_findsTheRoot() {
    TestHost.Result result =
        new TestHost()
            .workDir(repo.resolve("task-definitions/staging"))
            .run("new", "backfill-orders");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(repo.resolve("task-definitions/staging/tasks/backfill-orders.json")).exists();
  }
}
