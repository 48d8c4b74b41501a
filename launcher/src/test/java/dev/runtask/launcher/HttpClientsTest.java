package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Only the url-connection HTTP client: the SDK's Netty and Apache clients are excluded in the pom
 * (and banned by the enforcer); this checks the classpath the jar is shaded from, and the shaded
 * jar itself when a previous package step left one.
 */
class HttpClientsTest {
  private static final String NETTY =
      "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";
  private static final String APACHE = "software.amazon.awssdk.http.apache.ApacheHttpClient";

  @Test
  void classpath_hasUrlConnectionClientOnly() throws ClassNotFoundException {
    assertThat(Class.forName("software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient"))
        .isNotNull();
    assertThatThrownBy(() -> Class.forName(NETTY)).isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName(APACHE)).isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void shadedJar_whenBuilt_holdsNeitherNettyNorApacheClient() throws IOException {
    Path jar = Path.of("target/launcher.jar");
    if (!Files.isRegularFile(jar)) {
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.stream().map(e -> e.getName()))
          .noneMatch(
              n ->
                  n.startsWith("software/amazon/awssdk/http/nio/netty/")
                      || n.startsWith("software/amazon/awssdk/http/apache/")
                      || n.startsWith("io/netty/")
                      || n.startsWith("org/apache/http/"));
    }
  }
}
