package org.gradnote.plots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.plots.notebook.Notebook;

/**
 * Where live outputs (a progress line, a training curve) go: in the kernel, displays updated in place; in a script or
 * an exported notebook, nothing until {@link #flush()}, which shows each display's final value once — the same
 * outputs the notebook ends up storing, so replay compares like with like.
 */
public interface LiveDisplay {
  /** Shows a value and returns an id for {@link #update}. */
  String show(Object value);

  /** Replaces what is shown under an id. */
  void update(String id, Object value);

  /** Called when a live sequence ends (e.g. training finished). */
  default void flush() {}

  /** The display in force in this JVM (the kernel installs its own). */
  static LiveDisplay current() {
    return Holder.current;
  }

  /** Installs a display; returns the previous one; null restores the script-mode default. */
  static LiveDisplay setCurrent(LiveDisplay display) {
    LiveDisplay previous = Holder.current;
    Holder.current = display == null ? new Deferred() : display;
    return previous;
  }

  /** Script mode: remembers the latest value per id and shows them all, in order of first appearance, on flush. */
  final class Deferred implements LiveDisplay {
    private final Map<String, Object> latest = new LinkedHashMap<>();
    private int next;

    @Override
    public synchronized String show(Object value) {
      String id = "live-" + next++;
      latest.put(id, value);
      return id;
    }

    @Override
    public synchronized void update(String id, Object value) {
      latest.replace(id, value);
    }

    @Override
    public void flush() {
      List<Object> values;
      synchronized (this) {
        values = new ArrayList<>(latest.values());
        latest.clear();
      }
      values.forEach(Notebook::display);
    }
  }

  /** Holds the current display (interfaces cannot have mutable static fields of their own). */
  final class Holder {
    static volatile LiveDisplay current = new Deferred();

    private Holder() {}
  }
}
