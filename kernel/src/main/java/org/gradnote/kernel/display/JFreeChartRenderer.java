package org.gradnote.kernel.display;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Renders a {@code org.jfree.chart.JFreeChart} as PNG (640x400) through {@code ChartUtils}; looked up by
 * reflection so the kernel does not break when JFreeChart is absent from the class path.
 */
public final class JFreeChartRenderer implements Renderer {
    private static final int WIDTH = 640, HEIGHT = 400;

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (value == null || !isChart(value.getClass())) return Optional.empty();
        try {
            ClassLoader loader = value.getClass().getClassLoader();
            Class<?> chartClass = Class.forName("org.jfree.chart.JFreeChart", false, loader);
            Class<?> utils = Class.forName("org.jfree.chart.ChartUtils", true, loader);
            Method write = utils.getMethod("writeChartAsPNG", java.io.OutputStream.class, chartClass, int.class, int.class);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            write.invoke(null, png, value, WIDTH, HEIGHT);
            return Optional.of(MimeBundle.text(String.valueOf(value)).withPng(png.toByteArray()));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean isChart(Class<?> c) {
        for (; c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.jfree.chart.JFreeChart")) return true;
        }
        return false;
    }

    @Override
    public int priority() {
        return 10;
    }
}
