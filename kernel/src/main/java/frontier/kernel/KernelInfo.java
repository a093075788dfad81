package frontier.kernel;

import frontier.kernel.messaging.Wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The kernel_info_reply content. */
final class KernelInfo {
    private KernelInfo() {
    }

    static String version() {
        String v = Kernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static Map<String, Object> content() {
        Map<String, Object> lang = new LinkedHashMap<>();
        lang.put("name", "java");
        lang.put("version", System.getProperty("java.version"));
        lang.put("mimetype", "text/x-java");
        lang.put("file_extension", ".java");
        lang.put("codemirror_mode", "text/x-java");
        lang.put("pygments_lexer", "java");
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("status", "ok");
        c.put("protocol_version", Wire.PROTOCOL_VERSION);
        c.put("implementation", "frontier");
        c.put("implementation_version", version());
        c.put("language_info", lang);
        c.put("banner", "Frontier " + version() + ": Java " + System.getProperty("java.version")
                + " (JShell, in-process) with magics (%lsmagic) and rich display");
        c.put("debugger", false);
        c.put("help_links", List.of(
                Map.of("text", "Java " + Runtime.version().feature() + " API",
                        "url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
                Map.of("text", "JShell guide", "url", "https://docs.oracle.com/en/java/javase/17/jshell/"),
                Map.of("text", "Frontier magics", "url", "https://github.com/search?q=frontier+magics")));
        return c;
    }
}
