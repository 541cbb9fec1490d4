package org.gradnote.magics;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The magics a kernel knows, registered explicitly (no scanning) so the list is obvious and start-up stays cheap. */
public final class MagicRegistry {
    private final Map<String, Magic> byName = new LinkedHashMap<>();

    /** The magics shipped with gradnote. */
    public static MagicRegistry standard() {
        var maven = org.gradnote.magics.maven.MavenSession.standard();
        return new MagicRegistry()
                .register(new LsMagic())
                .register(new TimeMagic())
                .register(new TimeitMagic())
                .register(new WhoMagic())
                .register(new WhosMagic())
                .register(new HistoryMagic())
                .register(new HtmlMagic())
                .register(new MarkdownMagic())
                .register(new WriteFileMagic())
                .register(new ClasspathMagic("classpath", false))
                .register(new ClasspathMagic("jars", true))
                .register(new LoadMagic())
                .register(new SeedMagic())
                .register(new GridMagic())
                .register(new DataMagic())
                .register(new SummaryMagic())
                .register(new PlotMagic())
                .register(new MavenMagic(maven))
                .register(new MavenRepoMagic(maven))
                .register(new LoadFromPomMagic(maven))
                .register(new ExportMagic());
    }

    /** Adds a magic; registering a name twice is an error. Returns this. */
    public MagicRegistry register(Magic magic) {
        if (byName.putIfAbsent(magic.name(), magic) != null) {
            throw new IllegalArgumentException("Magic registered twice: " + magic.name());
        }
        return this;
    }

    /** The magic of that name (without {@code %}), if registered. */
    public Optional<Magic> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every registered magic, read-only, in registration order. */
    public Collection<Magic> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /** Names usable after {@code %} (line magics) or {@code %%} (cell magics), for completion. */
    public List<String> names(boolean cellMagic) {
        return byName.values().stream()
                .filter(m -> m.kind() == Magic.Kind.LINE_AND_CELL
                        || m.kind() == (cellMagic ? Magic.Kind.CELL : Magic.Kind.LINE))
                .map(Magic::name)
                .toList();
    }

    /** Checks that the magic exists and may be used the way it was written, then prepares it. */
    public Magic.Invocation prepare(MagicCall call) throws MagicUsageException {
        Magic magic = find(call.name())
                .orElseThrow(() -> new MagicUsageException(
                        "UsageError: unknown magic " + call.spelled() + ". Try %lsmagic for the list."));
        boolean allowed = magic.kind() == Magic.Kind.LINE_AND_CELL
                || magic.kind() == (call.cellMagic() ? Magic.Kind.CELL : Magic.Kind.LINE);
        if (!allowed) {
            throw MagicUsageException.of(
                    magic, call.spelled() + " must be written as " + (call.cellMagic() ? "%" : "%%") + call.name());
        }
        return magic.prepare(call);
    }
}
