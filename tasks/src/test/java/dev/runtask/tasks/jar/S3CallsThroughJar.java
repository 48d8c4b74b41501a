package dev.runtask.tasks.jar;

import dev.runtask.runtime.tcc.ObjectStore;
import dev.runtask.runtime.tcc.ObjectStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Run by TasksJarContentsIT with tasks.jar first on the class path: every S3 call of
 * S3ObjectStore.SDK_CALLS through the object store the runtime picks from the environment, with the
 * jar's trimmed SDK. Prints one line per call; any failure is a stack trace and exit 1.
 */
public final class S3CallsThroughJar {
  private S3CallsThroughJar() {}

  public static void main(String[] args) throws Exception {
    ObjectStore store = ObjectStores.fromEnvironment(System.getenv(), Path.of(args[0]));
    byte[] content = "report".getBytes(StandardCharsets.UTF_8);
    store.put("pending/a", content);
    System.out.println("put " + store.uri("pending/a"));
    System.out.println("exists pending/a " + store.exists("pending/a"));
    System.out.println("exists missing " + store.exists("missing"));
    System.out.println(
        "get pending/a "
            + store.get("pending/a").map(b -> new String(b, StandardCharsets.UTF_8)).orElse("-"));
    System.out.println("get missing " + store.get("missing").isPresent());
    store.copy("pending/a", "final/a");
    System.out.println("copy final/a " + store.exists("final/a"));
    store.delete("pending/a");
    System.out.println("delete pending/a " + !store.exists("pending/a"));
  }
}
