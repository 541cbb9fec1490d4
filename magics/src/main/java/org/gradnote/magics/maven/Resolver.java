package org.gradnote.magics.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/** Resolves an artifact and its runtime dependencies with Maven Resolver into the session's local cache. */
public final class Resolver {
    private static volatile RepositorySystem system;

    private Resolver() {}

    /** The artifact first, then its transitive runtime dependencies, as resolved jars. */
    public static List<Coordinates> resolve(MavenSession maven, String coordinates)
            throws DependencyResolutionException {
        CollectRequest collect = new CollectRequest(
                new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME),
                repositories(maven.orderedRepositories()));
        return resolve(maven, collect);
    }

    /**
     * The POM fragment's dependencies and their transitive runtime dependencies, resolved together so Maven's
     * nearest-wins mediation picks one version per library, as a build of that POM would.
     */
    public static List<Coordinates> resolve(
            MavenSession maven, List<PomDependency> dependencies, Map<String, String> extraRepositories)
            throws DependencyResolutionException {
        List<Map.Entry<String, String>> repos = new ArrayList<>(maven.orderedRepositories());
        repos.addAll(extraRepositories.entrySet());
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(repositories(repos));
        for (PomDependency d : dependencies) {
            List<Exclusion> exclusions = new ArrayList<>();
            for (String e : d.exclusions()) {
                String[] ga = e.split(":", 2);
                exclusions.add(new Exclusion(ga[0], ga.length > 1 ? ga[1] : "*", "*", "*"));
            }
            // Runtime, whatever the declared scope: a notebook has no container to provide "provided" jars.
            collect.addDependency(new Dependency(
                    new DefaultArtifact(d.artifactCoordinates()), JavaScopes.RUNTIME, false, exclusions));
        }
        return resolve(maven, collect);
    }

    private static List<Coordinates> resolve(MavenSession maven, CollectRequest collect)
            throws DependencyResolutionException {
        RepositorySystem sys = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(sys.newLocalRepositoryManager(
                session, new LocalRepository(maven.cache().toFile())));
        session.setSystemProperties(System.getProperties()); // POM profiles activated by JDK version, OS...
        DependencyRequest request =
                new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<Coordinates> out = new ArrayList<>();
        for (ArtifactResult r : sys.resolveDependencies(session, request).getArtifactResults()) {
            Artifact a = r.getArtifact();
            out.add(new Coordinates(
                    a.getGroupId(),
                    a.getArtifactId(),
                    a.getBaseVersion(),
                    a.getFile().getAbsolutePath()));
        }
        return out;
    }

    private static List<RemoteRepository> repositories(List<Map.Entry<String, String>> entries) {
        List<RemoteRepository> repos = new ArrayList<>();
        for (Map.Entry<String, String> r : entries) {
            repos.add(new RemoteRepository.Builder(r.getKey(), "default", r.getValue()).build());
        }
        return repos;
    }

    private static RepositorySystem system() {
        RepositorySystem s = system;
        if (s == null) {
            synchronized (Resolver.class) {
                if (system == null) system = new RepositorySystemSupplier().get();
                s = system;
            }
        }
        return s;
    }
}
