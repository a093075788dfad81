package frontier.kernel;

/** Says plainly what is wrong with the Java running the kernel, or null when it is fine. */
final class JavaCheck {
    private JavaCheck() {
    }

    static String problem() {
        int feature = Runtime.version().feature();
        if (feature < 17) {
            return "Java " + feature + " is too old: the kernel needs Java 17 or newer (" + System.getProperty("java.home") + ")";
        }
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty() || ModuleLayer.boot().findModule("jdk.compiler").isEmpty()) {
            return "this Java (" + System.getProperty("java.home") + ") has no jdk.jshell/jdk.compiler modules: "
                    + "install a full JDK 17+ (e.g. Debian openjdk-17-jdk-headless), not a JRE";
        }
        return null;
    }
}
