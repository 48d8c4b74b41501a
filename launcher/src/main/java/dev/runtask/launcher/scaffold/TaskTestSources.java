package dev.runtask.launcher.scaffold;

import static dev.runtask.launcher.scaffold.RuntimeTypes.ASSERTIONS;
import static dev.runtask.launcher.scaffold.RuntimeTypes.CONNECTION_PROVIDER;
import static dev.runtask.launcher.scaffold.RuntimeTypes.DATABASE_TEST;
import static dev.runtask.launcher.scaffold.RuntimeTypes.TASK_RUNTIME;
import static dev.runtask.launcher.scaffold.RuntimeTypes.TEST;
import static dev.runtask.launcher.scaffold.RuntimeTypes.TRANSACTIONS;
import static javax.lang.model.element.Modifier.FINAL;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The test of a new task: it runs the real task in-process through the runtime, as the sales tests
 * do; for a database task inside the rollback extension's transaction on the real database (the
 * task's own transactions become savepoints), plus a direct test of the usecase.
 */
final class TaskTestSources {
  private final TaskName name;
  private final ClassName testClass;

  TaskTestSources(TaskName name) {
    this.name = name;
    this.testClass = ClassName.get(name.packageName(), name.testClass());
  }

  JavaFile plainTest() {
    TypeSpec type =
        base("Runs " + name.name() + " in-process through the runtime, as tasks.jar would.\n")
            .build();
    return file(type);
  }

  JavaFile databaseTest() {
    ClassName usecase = ClassName.get(name.packageName(), name.usecaseClass());
    ClassName repository = ClassName.get(name.packageName(), name.repositoryClass());
    MethodSpec usecaseTest =
        MethodSpec.methodBuilder("run_insideTheTestTransaction_readsTheDatabase")
            .addAnnotation(TEST)
            .addParameter(TRANSACTIONS, "transactions")
            .addParameter(CONNECTION_PROVIDER, "connections")
            .addStatement("$T repository = new $T(connections)", repository, repository)
            .addCode("\n")
            .addStatement("int processed = new $T(transactions, repository).run(10)", usecase)
            .addCode("\n")
            .addStatement("$T.assertThat(processed).isZero()", ASSERTIONS)
            .addStatement("$T.assertThat(repository.databaseTime()).isNotNull()", ASSERTIONS)
            .build();
    TypeSpec type =
        base("Runs "
                + name.name()
                + " on the real database, each test in a transaction rolled back"
                + " afterwards:\nwhat the task writes is visible here and gone after the test.\n")
            .addAnnotation(DATABASE_TEST)
            .addMethod(usecaseTest)
            .build();
    return file(type);
  }

  /** The class with the in-process runtime helper and the two task-level tests both kinds share. */
  private TypeSpec.Builder base(String javadoc) {
    String method = lowerCamel(name.usecaseClass());
    MethodSpec runtime =
        MethodSpec.methodBuilder("execute")
            .addJavadoc(
                "Runs a task in this JVM as tasks.jar would; no RUNTASK_* settings from the shell leak in.\n")
            .returns(int.class)
            .addParameter(String[].class, "args")
            .varargs()
            .addStatement(
                "return $T.builder()\n.env($T.of())\n.err(new $T(err, true, $T.UTF_8))\n.build()\n"
                    + ".execute(args)",
                TASK_RUNTIME,
                Map.class,
                PrintStream.class,
                StandardCharsets.class)
            .build();
    MethodSpec stderr =
        MethodSpec.methodBuilder("stderr")
            .returns(String.class)
            .addStatement("return err.toString($T.UTF_8)", StandardCharsets.class)
            .build();
    MethodSpec succeeds =
        MethodSpec.methodBuilder(method + "_smallLimit_exit0")
            .addAnnotation(TEST)
            .addStatement(
                "int exit = execute($S, $S, $S)", name.name(), TaskSources.OPTION_NAME, "5")
            .addCode("\n")
            .addStatement("$T.assertThat(exit).as(stderr()).isZero()", ASSERTIONS)
            .build();
    MethodSpec badOption =
        MethodSpec.methodBuilder(method + "_limitZero_exit2")
            .addAnnotation(TEST)
            .addStatement(
                "int exit = execute($S, $S, $S)", name.name(), TaskSources.OPTION_NAME, "0")
            .addCode("\n")
            .addStatement("$T.assertThat(exit).as(stderr()).isEqualTo(2)", ASSERTIONS)
            .build();
    return TypeSpec.classBuilder(testClass)
        .addJavadoc(javadoc)
        .addField(
            FieldSpec.builder(ByteArrayOutputStream.class, "err", FINAL)
                .initializer("new $T()", ByteArrayOutputStream.class)
                .build())
        .addMethod(runtime)
        .addMethod(stderr)
        .addMethod(succeeds)
        .addMethod(badOption);
  }

  private static String lowerCamel(String className) {
    return Character.toLowerCase(className.charAt(0)) + className.substring(1);
  }

  private JavaFile file(TypeSpec type) {
    return JavaFile.builder(name.packageName(), type)
        .addStaticImport(ASSERTIONS, "assertThat")
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }
}
