package org.gradnote.magics.maven;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * The dependencies and repositories of a POM fragment: a whole {@code <project>}, or bare {@code <dependencies>},
 * {@code <dependency>} and {@code <repositories>}/{@code <repository>} elements side by side.
 */
public record PomFragment(List<PomDependency> dependencies, Map<String, String> repositories) {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    /** Parses {@code xml}; a message fit for the user when it is not well-formed or a dependency is incomplete. */
    public static PomFragment parse(String xml) {
        // Wrapping lets several top-level elements form one document; the XML declaration may only come first.
        String body = xml.strip().replaceFirst("^<\\?xml[^>]*\\?>", "");
        // Inside the wrapper a DOCTYPE would only give the parser's cryptic error; none is needed in a POM.
        if (body.contains("<!DOCTYPE")) throw new IllegalArgumentException("a POM fragment may not have a <!DOCTYPE>");
        Element root = document("<fragment>" + body + "</fragment>");
        Map<String, String> properties = new HashMap<>();
        for (Element project : children(root, "project")) {
            String version = text(project, "version");
            if (version.isEmpty()) version = text(first(project, "parent"), "version");
            if (!version.isEmpty()) properties.put("project.version", version);
            for (Element props : children(project, "properties")) {
                for (Element p : children(props, null))
                    properties.put(p.getTagName(), p.getTextContent().strip());
            }
        }
        List<PomDependency> deps = new ArrayList<>();
        Map<String, String> repos = new LinkedHashMap<>();
        collect(root, properties, deps, repos);
        for (Element project : children(root, "project")) collect(project, properties, deps, repos);
        if (deps.isEmpty()) throw new IllegalArgumentException("no <dependency> found");
        return new PomFragment(List.copyOf(deps), repos);
    }

    private static void collect(
            Element parent, Map<String, String> props, List<PomDependency> deps, Map<String, String> repos) {
        List<Element> depElements = new ArrayList<>(children(parent, "dependency"));
        for (Element list : children(parent, "dependencies")) depElements.addAll(children(list, "dependency"));
        for (Element d : depElements) deps.add(dependency(d, props));
        List<Element> repoElements = new ArrayList<>(children(parent, "repository"));
        for (Element list : children(parent, "repositories")) repoElements.addAll(children(list, "repository"));
        for (Element r : repoElements) {
            String id = value(r, "id", props), url = value(r, "url", props);
            if (url.isEmpty()) throw new IllegalArgumentException("<repository> without <url>");
            repos.put(id.isEmpty() ? url : id, url);
        }
    }

    private static PomDependency dependency(Element d, Map<String, String> props) {
        String g = value(d, "groupId", props), a = value(d, "artifactId", props), v = value(d, "version", props);
        if (g.isEmpty() || a.isEmpty() || v.isEmpty()) {
            // No parent POM or dependencyManagement is read, so a managed (version-less) dependency cannot resolve.
            throw new IllegalArgumentException(
                    "<dependency> " + g + ":" + a + " needs <groupId>, <artifactId> and <version>");
        }
        if (v.contains("${"))
            throw new IllegalArgumentException("unknown property in version " + v + " of " + g + ":" + a);
        List<String> exclusions = new ArrayList<>();
        for (Element list : children(d, "exclusions")) {
            for (Element e : children(list, "exclusion")) {
                exclusions.add(value(e, "groupId", props) + ":" + value(e, "artifactId", props));
            }
        }
        String type = value(d, "type", props);
        String scope = value(d, "scope", props);
        return new PomDependency(
                g,
                a,
                v,
                type.isEmpty() ? "jar" : type,
                value(d, "classifier", props),
                scope.isEmpty() ? "compile" : scope,
                List.copyOf(exclusions));
    }

    private static Element document(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            // A cell is untrusted text: no DTDs, so no external entities are fetched or expanded.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null); // errors are thrown, not also printed to stderr
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (org.xml.sax.SAXParseException e) {
            throw new IllegalArgumentException(
                    "not well-formed XML (line " + e.getLineNumber() + "): " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the POM: " + e.getMessage());
        }
    }

    private static String value(Element parent, String tag, Map<String, String> props) {
        Matcher m = PROPERTY.matcher(text(parent, tag));
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(props.getOrDefault(m.group(1), m.group())));
        return m.appendTail(out).toString();
    }

    private static String text(Element parent, String tag) {
        Element e = parent == null ? null : first(parent, tag);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static Element first(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Direct child elements named {@code tag} (all of them when null). */
    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) out.add(e);
        }
        return out;
    }
}
