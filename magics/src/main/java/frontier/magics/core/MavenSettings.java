package frontier.magics.core;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of Maven's settings.xml that decide where artifacts come from: localRepository,
 * offline, mirrors, proxies and server credentials (IJava #32: a %maven that ignores them fails
 * behind a corporate mirror or proxy). ${user.home}, ${env.X} and other system properties in
 * values are expanded as Maven does. Encrypted passwords ({...}) are not decrypted.
 */
public final class MavenSettings {
    public record Mirror(String id, String url, String mirrorOf, String layout, String mirrorOfLayouts, boolean blocked) {
    }

    public record Proxy(String id, boolean active, String protocol, String host, int port, String username,
                        String password, String nonProxyHosts) {
    }

    public record Server(String id, String username, String password) {
    }

    private String localRepository;
    private boolean offline;
    private final List<Mirror> mirrors = new ArrayList<>();
    private final List<Proxy> proxies = new ArrayList<>();
    private final List<Server> servers = new ArrayList<>();

    /** The user's settings (~/.m2/settings.xml, or -Dmaven.settings / -s path), empty when absent. */
    public static MavenSettings user() {
        String override = System.getProperty("frontier.maven.settings");
        Path file = override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".m2", "settings.xml");
        return Files.isRegularFile(file) ? read(file) : new MavenSettings();
    }

    public static MavenSettings read(Path file) {
        MavenSettings settings = new MavenSettings();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setNamespaceAware(false);
            Document doc = factory.newDocumentBuilder().parse(file.toFile());
            Element root = doc.getDocumentElement();
            settings.localRepository = text(root, "localRepository");
            settings.offline = "true".equalsIgnoreCase(text(root, "offline"));
            for (Element m : children(child(root, "mirrors"), "mirror")) {
                settings.mirrors.add(new Mirror(text(m, "id"), text(m, "url"), text(m, "mirrorOf"),
                        orDefault(text(m, "layout"), "default"), text(m, "mirrorOfLayouts"),
                        "true".equalsIgnoreCase(text(m, "blocked"))));
            }
            for (Element p : children(child(root, "proxies"), "proxy")) {
                String port = text(p, "port");
                settings.proxies.add(new Proxy(text(p, "id"), !"false".equalsIgnoreCase(text(p, "active")),
                        orDefault(text(p, "protocol"), "http"), text(p, "host"),
                        port == null ? 8080 : Integer.parseInt(port), text(p, "username"), text(p, "password"),
                        text(p, "nonProxyHosts")));
            }
            for (Element s : children(child(root, "servers"), "server")) {
                settings.servers.add(new Server(text(s, "id"), text(s, "username"), text(s, "password")));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read Maven settings " + file + ": " + e.getMessage(), e);
        }
        return settings;
    }

    public String localRepository() {
        return localRepository;
    }

    public boolean offline() {
        return offline;
    }

    public List<Mirror> mirrors() {
        return mirrors;
    }

    public List<Proxy> proxies() {
        return proxies;
    }

    public List<Server> servers() {
        return servers;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            return null;
        }
        String value = e.getTextContent().strip();
        return value.isEmpty() ? null : interpolate(value);
    }

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    static String interpolate(String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder b = new StringBuilder();
        Map<String, String> env = System.getenv();
        while (m.find()) {
            String key = m.group(1);
            String replacement = key.startsWith("env.") ? env.get(key.substring(4)) : System.getProperty(key);
            m.appendReplacement(b, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }
}
