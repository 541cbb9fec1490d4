package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Maven dependencies ({@code group:artifact:version}) and repositories ({@code id url}) one notebook's
 * {@code %maven}/{@code %mavenRepo} magics ask for; its exported class lists them in marker comments.
 */
public record MavenNeeds(String notebook, List<String> dependencies, List<String> repositories) {
    static final String DEPENDENCY = "// gradnote:maven ";
    static final String REPOSITORY = "// gradnote:mavenRepo ";

    public MavenNeeds {
        dependencies = List.copyOf(new TreeSet<>(dependencies));
        repositories = List.copyOf(new TreeSet<>(repositories));
    }

    public boolean isEmpty() {
        return dependencies.isEmpty() && repositories.isEmpty();
    }

    /** What the translated cells of a notebook ask for. */
    static MavenNeeds of(String notebook, List<TranslatedCell> cells) {
        List<String> deps = new ArrayList<>(), repos = new ArrayList<>();
        for (TranslatedCell c : cells) {
            deps.addAll(c.dependencies());
            repos.addAll(c.repositories());
        }
        return new MavenNeeds(notebook, deps, repos);
    }

    /** What an exported class's marker comments say its notebook asks for. */
    static MavenNeeds read(String notebook, String exportedSource) {
        List<String> deps = new ArrayList<>(), repos = new ArrayList<>();
        for (String line : exportedSource.lines().map(String::strip).toList()) {
            if (line.startsWith(DEPENDENCY))
                deps.add(line.substring(DEPENDENCY.length()).strip());
            else if (line.startsWith(REPOSITORY))
                repos.add(line.substring(REPOSITORY.length()).strip());
        }
        return new MavenNeeds(notebook, deps, repos);
    }
}
