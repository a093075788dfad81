package frontier.ipfs.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * gitignore-style rules as Kubo applies them in {@code add}: each rule is matched against an
 * entry's base name; the last matching rule wins, a {@code !rule} re-includes, a trailing
 * {@code /} restricts a rule to directories, {@code #} starts a comment.
 */
public final class IgnoreRules {
    private record Rule(Pattern regex, boolean negate, boolean dirOnly) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public IgnoreRules(List<String> lines) {
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = line.startsWith("!");
            if (negate) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (line.startsWith("**/")) {
                line = line.substring(3);
            }
            if (!line.isEmpty()) {
                rules.add(new Rule(Pattern.compile(globToRegex(line)), negate, dirOnly));
            }
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** True when the entry with this base name is ignored. */
    public boolean matches(String name, boolean isDirectory) {
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.dirOnly && !isDirectory) {
                continue;
            }
            if (r.regex.matcher(name).matches()) {
                ignored = !r.negate;
            }
        }
        return ignored;
    }

    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*':
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        sb.append(".*");
                        i++;
                    } else {
                        sb.append("[^/]*");
                    }
                    break;
                case '?':
                    sb.append("[^/]");
                    break;
                case '[': {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        sb.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end);
                        if (cls.startsWith("!")) {
                            cls = "^" + cls.substring(1);
                        }
                        sb.append('[').append(cls.replace("\\", "\\\\")).append(']');
                        i = end;
                    }
                    break;
                }
                case '\\':
                    if (i + 1 < glob.length()) {
                        sb.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                    break;
                default:
                    sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
