package dev.runtask.launcher.scaffold;

import static dev.runtask.launcher.scaffold.RuntimeTypes.CONNECTION_PROVIDER;
import static dev.runtask.launcher.scaffold.RuntimeTypes.DATABASE;
import static dev.runtask.launcher.scaffold.RuntimeTypes.DRY_RUN;
import static dev.runtask.launcher.scaffold.RuntimeTypes.EXIT_CODES;
import static dev.runtask.launcher.scaffold.RuntimeTypes.LOGGER;
import static dev.runtask.launcher.scaffold.RuntimeTypes.LOGGER_FACTORY;
import static dev.runtask.launcher.scaffold.RuntimeTypes.MIXIN;
import static dev.runtask.launcher.scaffold.RuntimeTypes.OPTION;
import static dev.runtask.launcher.scaffold.RuntimeTypes.RUNNABLE_TASK;
import static dev.runtask.launcher.scaffold.RuntimeTypes.TASK;
import static dev.runtask.launcher.scaffold.RuntimeTypes.TASK_CONTEXT;
import static dev.runtask.launcher.scaffold.RuntimeTypes.TRANSACTIONS;
import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

/**
 * The main sources of a new task, as JavaPoet models: the task class, and for a database task the
 * usecase (transactions through the port only) and the repository (connections from the provider),
 * the layering of the sales sample: SQL stays in {@code connections.withConnection(...)}, so no
 * JDBC type (not even SQLException) reaches the usecase.
 */
final class TaskSources {
  /** The example option every generated task starts with. */
  static final String OPTION_NAME = "--limit";

  static final String OPTION_DEFAULT = "100";

  private final TaskName name;
  private final String description;
  private final ClassName taskClass;
  private final ClassName usecase;
  private final ClassName repository;

  TaskSources(TaskName name, String description) {
    this.name = name;
    this.description = description;
    this.taskClass = ClassName.get(name.packageName(), name.taskClass());
    this.usecase = ClassName.get(name.packageName(), name.usecaseClass());
    this.repository = ClassName.get(name.packageName(), name.repositoryClass());
  }

  JavaFile plainTask() {
    MethodSpec run =
        runMethod()
            .addStatement("log.info($S, limit)", "Processing at most {} items")
            .addComment("Replace with the task's work; between units of work call")
            .addComment("context.cancellation().throwIfRequested() so SIGTERM stops it cleanly.")
            .addStatement("return $T.SUCCESS", EXIT_CODES)
            .build();
    return file(taskType().addMethod(run).build());
  }

  JavaFile databaseTask() {
    MethodSpec run =
        runMethod()
            .addException(Exception.class)
            .addStatement("$T db = context.database()", DATABASE)
            .addStatement(
                "int processed = new $T(db.transactions(), new $T(db.connections()))\n.run(limit)",
                usecase,
                repository)
            .addStatement("log.info($S, processed)", "Processed {} items")
            .addStatement("return $T.SUCCESS", EXIT_CODES)
            .build();
    FieldSpec dryRun = FieldSpec.builder(DRY_RUN, "dryRun").addAnnotation(MIXIN).build();
    return file(taskType().addField(dryRun).addMethod(run).build());
  }

  JavaFile usecase() {
    CodeBlock work =
        CodeBlock.builder()
            .add("return transactions.inTransaction(() -> {\n$>")
            .addStatement("$T databaseTime = repository.databaseTime()", OffsetDateTime.class)
            .addStatement(
                "log.info($S, databaseTime, limit)",
                "Database time {}; processing at most {} items")
            .add(
                "// Replace with the task's work: read through the repository, decide, write back.\n")
            .add(
                "// Split large work into several transactions (see dev.runtask.runtime.tx.Batches).\n")
            .addStatement("return 0")
            .add("$<});\n")
            .build();
    TypeSpec type =
        TypeSpec.classBuilder(usecase)
            .addJavadoc(
                "The work of $L: runs in transactions through the port and knows nothing of JDBC.\n",
                name.name())
            .addModifiers(PUBLIC, FINAL)
            .addField(logger(usecase))
            .addField(TRANSACTIONS, "transactions", PRIVATE, FINAL)
            .addField(repository, "repository", PRIVATE, FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(PUBLIC)
                    .addParameter(TRANSACTIONS, "transactions")
                    .addParameter(repository, "repository")
                    .addStatement("this.transactions = transactions")
                    .addStatement("this.repository = repository")
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("run")
                    .addJavadoc(
                        "Processes at most {@code limit} items in one transaction; returns how many.\n")
                    .addModifiers(PUBLIC)
                    .returns(int.class)
                    .addParameter(int.class, "limit")
                    .addCode(work)
                    .build())
            .build();
    return file(type);
  }

  JavaFile repository() {
    CodeBlock query =
        CodeBlock.builder()
            .add("return connections.withConnection(c -> {\n$>")
            .beginControlFlow(
                "try ($T ps = c.prepareStatement($S);\n$>$>$T rs = ps.executeQuery()$<$<)",
                PreparedStatement.class,
                "select current_timestamp",
                ResultSet.class)
            .addStatement("rs.next()")
            .addStatement("return rs.getObject(1, $T.class)", OffsetDateTime.class)
            .endControlFlow()
            .add("$<});\n")
            .build();
    MethodSpec databaseTime =
        MethodSpec.methodBuilder("databaseTime")
            .addJavadoc("The database's clock: an example query, to replace with the task's own.\n")
            .addModifiers(PUBLIC)
            .returns(OffsetDateTime.class)
            .addCode(query)
            .build();
    TypeSpec type =
        TypeSpec.classBuilder(repository)
            .addJavadoc(
                "What $L reads and writes. Callers decide the transaction; this class never does.\n",
                name.name())
            .addModifiers(PUBLIC, FINAL)
            .addField(CONNECTION_PROVIDER, "connections", PRIVATE, FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(PUBLIC)
                    .addParameter(CONNECTION_PROVIDER, "connections")
                    .addStatement("this.connections = connections")
                    .build())
            .addMethod(databaseTime)
            .build();
    return file(type);
  }

  private TypeSpec.Builder taskType() {
    AnnotationSpec task =
        AnnotationSpec.builder(TASK)
            .addMember("name", "$S", name.name())
            .addMember("description", "$S", description)
            .build();
    AnnotationSpec option =
        AnnotationSpec.builder(OPTION)
            .addMember("names", "$S", OPTION_NAME)
            .addMember("defaultValue", "$S", OPTION_DEFAULT)
            .addMember("description", "$S", "At most this many items (default: ${DEFAULT-VALUE})")
            .build();
    return TypeSpec.classBuilder(taskClass)
        .addJavadoc("$L\n", javadocText(description))
        .addAnnotation(task)
        .addModifiers(PUBLIC, FINAL)
        .addSuperinterface(RUNNABLE_TASK)
        .addField(logger(taskClass))
        .addField(FieldSpec.builder(int.class, "limit").addAnnotation(option).build());
  }

  private MethodSpec.Builder runMethod() {
    return MethodSpec.methodBuilder("run")
        .addAnnotation(Override.class)
        .addModifiers(PUBLIC)
        .returns(int.class)
        .addParameter(TASK_CONTEXT, "context")
        .beginControlFlow("if (limit < 1)")
        .addStatement(
            "log.error($S, limit)", OPTION_NAME + " must be at least 1, got {}; nothing was done")
        .addStatement("return $T.USAGE", EXIT_CODES)
        .endControlFlow();
  }

  private static FieldSpec logger(ClassName owner) {
    return FieldSpec.builder(LOGGER, "log", PRIVATE, STATIC, FINAL)
        .initializer("$T.getLogger($T.class)", LOGGER_FACTORY, owner)
        .build();
  }

  private JavaFile file(TypeSpec type) {
    return JavaFile.builder(name.packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /** The description inside a Javadoc comment: nothing in it may end the comment or start a tag. */
  static String javadocText(String text) {
    String escaped =
        text.replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("*/", "*&#47;")
            .replace("@", "&#64;")
            .replace("\\", "&#92;");
    return escaped.endsWith(".") ? escaped : escaped + ".";
  }
}
