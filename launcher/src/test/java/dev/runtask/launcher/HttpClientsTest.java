package dev.runtask.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Only the url-connection HTTP client: the SDK's Netty and Apache clients are excluded in the pom
 * (and banned by the enforcer); this checks the classpath the jar is shaded from, LauncherJarIT the
 * shaded jar itself.
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
}
