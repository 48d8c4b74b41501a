package dev.runtask.launcher.explain;

/**
 * The launcher's exit code for a finished run and, unless it simply succeeded, one line of cause
 * and remedy.
 */
public record Outcome(int exitCode, String explanation) {}
