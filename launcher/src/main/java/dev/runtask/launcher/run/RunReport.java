package dev.runtask.launcher.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The machine-readable result of a run (--output json) and the exit code it ends with. */
public final class RunReport {
  private final ObjectNode json = JsonNodeFactory.instance.objectNode();
  private int exitCode;

  public RunReport put(String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
    return this;
  }

  public RunReport put(String key, Integer value) {
    if (value != null) {
      json.put(key, value);
    }
    return this;
  }

  public RunReport put(String key, boolean value) {
    json.put(key, value);
    return this;
  }

  public RunReport exit(int code, String explanation) {
    this.exitCode = code;
    json.put("exitCode", code);
    put("explanation", explanation);
    return this;
  }

  public int exitCode() {
    return exitCode;
  }

  public ObjectNode json() {
    return json;
  }
}
