package org.gradnote.kernel.api;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.UUID;
import org.gradnote.kernel.display.MimeBundle;
import org.gradnote.kernel.display.Renderers;
import org.gradnote.kernel.io.Markers;

/**
 * What code in a cell calls to show things: {@code Display.show(x)} renders now, {@code Display.update(id, x)}
 * replaces an earlier display (e.g. a live training curve). Runs in the evaluator JVM and talks to the kernel
 * through {@link Markers} lines on stdout.
 */
public final class Display {
    private Display() {}

    /** Shows a value with the best renderer; returns its display id for {@link #update}. */
    public static String show(Object value) {
        String id = UUID.randomUUID().toString();
        emit(Markers.DISPLAY, Renderers.render(value), id, false);
        return id;
    }

    /** Shows a value under a display id of your choice (an id reused later can be updated). */
    public static String show(Object value, String displayId) {
        emit(Markers.DISPLAY, Renderers.render(value), displayId, false);
        return displayId;
    }

    /** Replaces the output shown under {@code displayId}. */
    public static void update(String displayId, Object value) {
        emit(Markers.DISPLAY, Renderers.render(value), displayId, true);
    }

    /** Shows HTML in the cell's output and returns its display id ({@code IPython.display.HTML}). */
    public static String html(String html) {
        return bundle(new MimeBundle().with("text/html", html).with("text/plain", "<HTML>"));
    }

    /** Shows Markdown in the cell's output and returns its display id ({@code IPython.display.Markdown}). */
    public static String markdown(String markdown) {
        return bundle(new MimeBundle().with("text/markdown", markdown).with("text/plain", markdown));
    }

    /** Shows an SVG image in the cell's output and returns its display id ({@code IPython.display.SVG}). */
    public static String svg(String svg) {
        return bundle(new MimeBundle().with("image/svg+xml", svg).with("text/plain", "<SVG>"));
    }

    /** Shows a PNG image given as its file bytes and returns its display id ({@code IPython.display.Image}). */
    public static String png(byte[] png) {
        return bundle(new MimeBundle().withPng(png).with("text/plain", "<PNG image>"));
    }

    /**
     * Whether charts shown from now on in this session also carry SVG beside their PNG (off by default: nbconvert's
     * HTML prefers SVG and Debian's strips it; per chart, {@code chart.withSvg()} asks the same).
     */
    public static void chartsWithSvg(boolean on) {
        org.gradnote.kernel.display.ChartRenderer.svgByDefault(on);
    }

    /** Shows a ready-made bundle. */
    public static String bundle(MimeBundle bundle) {
        String id = UUID.randomUUID().toString();
        emit(Markers.DISPLAY, bundle, id, false);
        return id;
    }

    /**
     * Run after each cell (by the evaluator agent's {@code Epilogue}, which the kernel invokes): renders the cell's
     * value (if any) and marks the end of its output.
     */
    public static void epilogue(String fence, boolean hasValue, Object value) {
        if (hasValue && org.gradnote.plots.notebook.Notebook.shows(value))
            emit(Markers.RESULT, Renderers.render(value), null, false);
        JsonObject f = new JsonObject();
        f.addProperty("id", fence);
        System.err.println(Markers.encode(Markers.FENCE, f));
        System.err.flush();
        out().println(Markers.encode(Markers.FENCE, f));
        out().flush();
    }

    private static void emit(String tag, MimeBundle bundle, String id, boolean update) {
        JsonObject payload = new JsonObject();
        payload.add("data", bundle.toJson());
        JsonObject metadata = bundle.metadataJson();
        if (metadata.size() > 0) payload.add("metadata", metadata);
        if (id != null) payload.addProperty("display_id", id);
        payload.addProperty("update", update);
        PrintStream out = out();
        out.flush();
        out.println(Markers.encode(tag, payload));
        out.flush();
    }

    private static PrintStream out() {
        return System.out;
    }
}
