package dev.runtask.runtime.db;

import java.util.regex.Pattern;

/**
 * Masks credentials in database URLs and in any text that may contain one (error messages), in
 * every form pgjdbc, libpq and H2 accept: user info ({@code postgres://app:SECRET@host/db}, also
 * the bare {@code app:SECRET@host} a driver's error echoes), URL parameters ({@code
 * ?password=SECRET}, {@code &sslpassword=SECRET}), H2 settings ({@code ;PASSWORD=SECRET}) and libpq
 * key/value strings ({@code host=db password='SECRET'}).
 */
public final class DatabaseUrls {
  static final String MASK = "****";

  /** {@code ://user:password@}: the password is everything up to the last @ of the authority. */
  private static final Pattern USER_INFO = Pattern.compile("(://[^/?#@:\\s]*):[^/?#\\s]*@");

  /**
   * {@code user:password@host} without a scheme, as drivers echo the host part of such a URL in
   * their errors ({@code UnknownHostException: app:SECRET@db}).
   */
  private static final Pattern BARE_USER_INFO =
      Pattern.compile("((?:^|[\\s'\"(,=])[^\\s/?#@:'\"(,=]+):[^\\s/?#'\"]*@");

  /** {@code password=}, {@code sslpassword=}, {@code PASSWORD =}, {@code passwd=} after ?, &, ; */
  private static final Pattern PASSWORD_SETTING =
      Pattern.compile(
          "(?i)((?:^|[?&;\\s])[\\w.-]*passw(?:or)?d\\s*=\\s*)('[^']*'|\"[^\"]*\"|[^&;\\s]*)");

  private DatabaseUrls() {}

  /** {@code text} with every password in it replaced by {@value #MASK}. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
    masked = BARE_USER_INFO.matcher(masked).replaceAll("$1:" + MASK + "@");
    return PASSWORD_SETTING.matcher(masked).replaceAll("$1" + MASK);
  }
}
