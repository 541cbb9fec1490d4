package org.gradnote.magics.maven;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resolves an artifact and its runtime dependencies with Maven Resolver into the session's local cache. */
public final class Resolver {
    private static volatile RepositorySystem system;

    private Resolver() {}

    /** The artifact first, then its transitive runtime dependencies, as resolved jars. */
    public static List<Coordinates> resolve(MavenSession maven, String coordinates) throws DependencyResolutionException {
        RepositorySystem sys = system();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(sys.newLocalRepositoryManager(session, new LocalRepository(maven.cache().toFile())));
        session.setSystemProperties(System.getProperties()); // POM profiles activated by JDK version, OS...
        List<RemoteRepository> repos = new ArrayList<>();
        for (Map.Entry<String, String> r : maven.orderedRepositories()) {
            repos.add(new RemoteRepository.Builder(r.getKey(), "default", r.getValue()).build());
        }
        CollectRequest collect = new CollectRequest(new Dependency(new DefaultArtifact(coordinates), JavaScopes.RUNTIME), repos);
        DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<Coordinates> out = new ArrayList<>();
        for (ArtifactResult r : sys.resolveDependencies(session, request).getArtifactResults()) {
            Artifact a = r.getArtifact();
            out.add(new Coordinates(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), a.getFile().getAbsolutePath()));
        }
        return out;
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
