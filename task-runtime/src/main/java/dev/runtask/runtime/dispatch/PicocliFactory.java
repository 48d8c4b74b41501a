package dev.runtask.runtime.dispatch;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * picocli's default factory, made only when picocli first needs an instance from it (a collection
 * or map for an option, say). Its class initialiser looks for Groovy's {@code Closure} on the class
 * path, and that miss makes the class loader open tasks.jar, a second read of its central directory
 * that hello-world would otherwise never do (≈ 6 ms, bench/README.md).
 */
final class PicocliFactory implements IFactory {
  private IFactory picocli;

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (picocli == null) {
      picocli = CommandLine.defaultFactory();
    }
    return picocli.create(type);
  }
}
