package dev.runtask.runtime.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseUrlsTest {
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          postgres://app:S3cr3t@db.internal/sales                  | postgres://app:****@db.internal/sales
          postgresql://app:S3cr3t@db.internal:5432/sales?ssl=true  | postgresql://app:****@db.internal:5432/sales?ssl=true
          jdbc:postgresql://app:S3cr3t@db.internal/sales           | jdbc:postgresql://app:****@db.internal/sales
          postgres://app:p@ss:w0rd@db.internal/sales               | postgres://app:****@db.internal/sales
          postgres://:S3cr3t@db.internal/sales                     | postgres://:****@db.internal/sales
          jdbc:postgresql://db/sales?user=app&password=S3cr3t      | jdbc:postgresql://db/sales?user=app&password=****
          jdbc:postgresql://db/sales?password=S3cr3t&ssl=true      | jdbc:postgresql://db/sales?password=****&ssl=true
          jdbc:postgresql://db/sales?PASSWORD=S3cr3t               | jdbc:postgresql://db/sales?PASSWORD=****
          jdbc:postgresql://db/sales?sslmode=verify-full&sslpassword=S3cr3t | jdbc:postgresql://db/sales?sslmode=verify-full&sslpassword=****
          jdbc:postgresql://h1:5432,h2:5433/sales?password=S3cr3t  | jdbc:postgresql://h1:5432,h2:5433/sales?password=****
          jdbc:h2:tcp://db/~/sales;USER=sa;PASSWORD=S3cr3t;MODE=PostgreSQL | jdbc:h2:tcp://db/~/sales;USER=sa;PASSWORD=****;MODE=PostgreSQL
          jdbc:h2:file:/data/sales;password = S3cr3t               | jdbc:h2:file:/data/sales;password = ****
          host=db user=app password=S3cr3t dbname=sales            | host=db user=app password=**** dbname=sales
          host=db password='S3 cr3t' dbname=sales                  | host=db password=**** dbname=sales
          password=S3cr3t                                          | password=****
          cannot connect to jdbc:postgresql://db/x?password=S3cr3t as app: refused | cannot connect to jdbc:postgresql://db/x?password=**** as app: refused
          UnknownHostException: app:S3cr3t@127.0.0.1               | UnknownHostException: app:****@127.0.0.1
          as app: app:S3cr3t@db.internal                           | as app: app:****@db.internal
          ERROR: duplicate key value violates unique constraint "sale_pkey" | ERROR: duplicate key value violates unique constraint "sale_pkey"
          jdbc:postgresql://db.internal:5432/sales?user=app        | jdbc:postgresql://db.internal:5432/sales?user=app
          jdbc:h2:file:/work/.local/db/runtask;MODE=PostgreSQL     | jdbc:h2:file:/work/.local/db/runtask;MODE=PostgreSQL
          """)
  void mask_everyUrlFormTheDriversAccept_passwordHiddenRestKept(String text, String expected) {
    assertThat(DatabaseUrls.mask(text)).isEqualTo(expected).doesNotContain("S3cr3t");
  }
}
