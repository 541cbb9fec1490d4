package org.gradnote.magics.maven;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POM fragments in each accepted form yield the same dependencies; broken ones say what is wrong. */
class PomFragmentTest {

    @Test
    void bareDependencyElement() {
        var pom = PomFragment.parse("""
                <dependency>
                  <groupId>org.apache.commons</groupId>
                  <artifactId>commons-text</artifactId>
                  <version>1.12.0</version>
                </dependency>""");
        assertEquals(
                List.of(new PomDependency(
                        "org.apache.commons", "commons-text", "1.12.0", "jar", "", "compile", List.of())),
                pom.dependencies());
        assertEquals(
                "org.apache.commons:commons-text:jar:1.12.0",
                pom.dependencies().get(0).artifactCoordinates());
        assertTrue(pom.repositories().isEmpty());
    }

    @Test
    void dependenciesListWithRepositoriesExclusionsAndClassifier() {
        var pom = PomFragment.parse("""
                <?xml version="1.0"?>
                <repositories><repository><id>jitpack</id><url>https://jitpack.io</url></repository></repositories>
                <dependencies>
                  <dependency><groupId>a.b</groupId><artifactId>one</artifactId><version>1</version>
                    <exclusions><exclusion><groupId>x</groupId><artifactId>*</artifactId></exclusion></exclusions>
                  </dependency>
                  <dependency><groupId>a.b</groupId><artifactId>two</artifactId><version>2</version>
                    <classifier>linux-x86_64</classifier><scope>test</scope></dependency>
                </dependencies>""");
        assertEquals(Map.of("jitpack", "https://jitpack.io"), pom.repositories());
        assertEquals(List.of("x:*"), pom.dependencies().get(0).exclusions());
        var two = pom.dependencies().get(1);
        assertEquals("a.b:two:jar:linux-x86_64:2", two.artifactCoordinates());
        assertEquals("test", two.scope());
    }

    @Test
    void wholeProjectWithNamespaceAndProperties() {
        var pom = PomFragment.parse("""
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>me</groupId><artifactId>nb</artifactId><version>7</version>
                  <properties><text.version>1.12.0</text.version></properties>
                  <dependencies>
                    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId>
                      <version>${text.version}</version></dependency>
                    <dependency><groupId>me</groupId><artifactId>util</artifactId><version>${project.version}</version></dependency>
                  </dependencies>
                  <build><plugins><plugin><dependencies><dependency><groupId>p</groupId><artifactId>plugin-dep</artifactId>
                    <version>1</version></dependency></dependencies></plugin></plugins></build>
                </project>""");
        assertEquals(
                List.of("org.apache.commons:commons-text:1.12.0", "me:util:7"),
                pom.dependencies().stream().map(PomDependency::toString).toList(),
                "plugin dependencies are not the project's");
    }

    @Test
    void brokenFragmentsAreExplained() {
        assertTrue(message("<dependency><groupId>a</groupId>").startsWith("not well-formed XML"));
        assertEquals("no <dependency> found", message("<properties/>"));
        assertTrue(message("<dependency><groupId>a</groupId><artifactId>b</artifactId></dependency>")
                .contains("a:b needs <groupId>, <artifactId> and <version>"));
        assertTrue(message(
                        "<dependency><groupId>a</groupId><artifactId>b</artifactId><version>${v}</version></dependency>")
                .contains("unknown property"));
        assertTrue(
                message("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><dependency/>")
                        .contains("may not have a <!DOCTYPE>"),
                "DTDs are refused");
    }

    private static String message(String xml) {
        return assertThrows(IllegalArgumentException.class, () -> PomFragment.parse(xml))
                .getMessage();
    }
}
