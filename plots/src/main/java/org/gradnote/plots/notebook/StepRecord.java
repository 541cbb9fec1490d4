package org.gradnote.plots.notebook;

import java.util.ArrayList;
import java.util.List;

/** What one step did in a replay: its output streams, shown values, exception and time. */
final class StepRecord {
  final String cellId;
  final List<String> displayJson = new ArrayList<>();
  String stdout = "", stderr = "";
  String exception, message;
  long millis;
  boolean timedOut;

  StepRecord(String cellId) {
    this.cellId = cellId;
  }

  void text(String text) {
    displayJson.add("{\"type\":\"text\",\"text\":" + Json.string(text) + "}");
  }

  void image(int width, int height, boolean blank) {
    displayJson.add("{\"type\":\"image\",\"width\":" + width + ",\"height\":" + height
        + ",\"blank\":" + blank + "}");
  }

  String toJson() {
    return "{\"cell\":" + Json.string(cellId) + ",\"stdout\":" + Json.string(stdout)
        + ",\"stderr\":" + Json.string(stderr)
        + ",\"displays\":[" + String.join(",", displayJson) + "]"
        + ",\"exception\":" + Json.string(exception) + ",\"message\":" + Json.string(message)
        + ",\"millis\":" + millis + ",\"timedOut\":" + timedOut + "}";
  }
}
