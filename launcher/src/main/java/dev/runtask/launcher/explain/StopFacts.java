package dev.runtask.launcher.explain;

/** What DescribeTasks says about a stopped task, reduced to the facts the explanation needs. */
public record StopFacts(
    String stopCode, String stoppedReason, Integer containerExitCode, String containerReason) {
  String allReasons() {
    return (nz(stoppedReason) + " " + nz(containerReason)).trim();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
