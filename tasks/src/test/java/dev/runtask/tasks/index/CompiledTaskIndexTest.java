package dev.runtask.tasks.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtask.generated.CompiledTaskIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * tasks.jar finds its tasks through the index compiled into it; the build's resource, which every
 * other class path reads, must say exactly the same.
 */
class CompiledTaskIndexTest {
  @Test
  void compiledIndex_isTheResourceLineForLine_andListsTheSampleTasks() throws IOException {
    List<String> resource;
    try (InputStream in =
        CompiledTaskIndexTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/runtask/tasks.index")) {
      resource = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }

    List<String> compiled = Arrays.asList(new CompiledTaskIndex().get());

    assertThat(compiled).isEqualTo(resource);
    assertThat(compiled).anySatisfy(line -> assertThat(line).startsWith("hello-world\t"));
  }
}
