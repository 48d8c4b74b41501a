package dev.runtask.launcher.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The operator's console: result lines on stdout, everything else on stderr, a rewritable progress
 * line only when stderr is a terminal, and yes/no questions only when there is someone to ask.
 */
public final class Terminal {
  private final PrintStream out;
  private final PrintStream err;
  private final BufferedReader in;
  private final boolean interactive;
  private String progress = "";

  public Terminal(PrintStream out, PrintStream err, BufferedReader in, boolean interactive) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.interactive = interactive;
  }

  public boolean interactive() {
    return interactive;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  /** A result line (stdout), e.g. a rendered definition or the JSON report. */
  public synchronized void result(String line) {
    clearProgress();
    out.println(line);
    out.flush();
    redrawProgress();
  }

  /** An informational line (stderr), so stdout stays machine-readable. */
  public synchronized void info(String line) {
    clearProgress();
    err.println(line);
    err.flush();
    redrawProgress();
  }

  /** A line from the task's own output, to stdout or stderr as the caller chooses. */
  public synchronized void taskLine(String line, boolean toStderr) {
    clearProgress();
    PrintStream target = toStderr ? err : out;
    target.println(line);
    target.flush();
    redrawProgress();
  }

  /**
   * Replaces the progress line on a terminal; off a terminal progress is printed only on change by
   * callers.
   */
  public synchronized void progress(String text) {
    if (!interactive) {
      return;
    }
    clearProgress();
    progress = text;
    redrawProgress();
  }

  public synchronized void endProgress() {
    clearProgress();
    progress = "";
  }

  /**
   * Asks a question on the terminal and returns the answer line, or null when nobody can answer.
   */
  public String ask(String question) {
    if (!interactive) {
      return null;
    }
    synchronized (this) {
      clearProgress();
      err.print(question + " ");
      err.flush();
    }
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  private void clearProgress() {
    if (interactive && !progress.isEmpty()) {
      err.print("\r\033[2K");
      err.flush();
    }
  }

  private void redrawProgress() {
    if (interactive && !progress.isEmpty()) {
      err.print(progress);
      err.flush();
    }
  }
}
