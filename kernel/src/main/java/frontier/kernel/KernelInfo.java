package frontier.kernel;

import frontier.kernel.messaging.Replies.HelpLink;
import frontier.kernel.messaging.Replies.KernelInfoReply;
import frontier.kernel.messaging.Replies.LanguageInfo;
import frontier.kernel.messaging.Wire;

import java.util.List;

/** The kernel_info_reply content. */
final class KernelInfo {
    private KernelInfo() {
    }

    static String version() {
        String v = Kernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static KernelInfoReply content() {
        String java = System.getProperty("java.version");
        int feature = Runtime.version().feature();
        return new KernelInfoReply("ok", Wire.PROTOCOL_VERSION, "frontier", version(),
                new LanguageInfo("java", java, "text/x-java", ".java", "text/x-java", "java"),
                "Frontier " + version() + ": Java " + java + " (JShell, in-process) with magics (%lsmagic) and rich display",
                false,
                List.of(new HelpLink("Java " + feature + " API", "https://docs.oracle.com/en/java/javase/" + feature + "/docs/api/"),
                        new HelpLink("JShell guide", "https://docs.oracle.com/en/java/javase/17/jshell/"),
                        new HelpLink("Frontier magics", "https://github.com/search?q=frontier+magics")));
    }
}
