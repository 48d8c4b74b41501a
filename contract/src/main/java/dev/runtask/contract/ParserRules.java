package dev.runtask.contract;

/**
 * The parser settings under which the launcher checks a task's arguments and the runtime parses
 * them (both with picocli; picocli's defaults for everything else). The launcher's differential
 * test holds both sides to the same outcome.
 */
public final class ParserRules {
  /**
   * {@code @name} is a value, not a file to read: a value such as {@code @team} is data, and a task
   * in a container reading files named by its arguments would be a surprise.
   */
  public static final boolean EXPAND_AT_FILES = false;

  /** Enum values match whatever their case ({@code fast} for {@code FAST}). */
  public static final boolean CASE_INSENSITIVE_ENUM_VALUES = true;

  private ParserRules() {}
}
