package frontier.ipfs.extract;

import frontier.text.TerminalText;

import java.util.List;

/** What a name from data must be before it becomes a file name: one plain path component. */
final class EntryNames {
    private EntryNames() {
    }

    /** Why name is not a plain file name ("", ".", "..", '/', '\', NUL), or null when it is one. */
    static String problem(String name) {
        if (name.isEmpty()) return "an empty name";
        if (name.equals(".") || name.equals("..")) return "'" + name + "' is not a file name";
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) return "it holds a path separator";
        if (name.indexOf('\0') >= 0) return "it holds a NUL";
        return null;
    }

    /** A relative path for messages, each name escaped for the terminal ("." for the root). */
    static String show(List<String> rel) {
        if (rel.isEmpty()) return ".";
        StringBuilder sb = new StringBuilder();
        for (String s : rel) {
            if (sb.length() > 0) sb.append('/');
            sb.append(TerminalText.escape(s));
        }
        return sb.toString();
    }
}
