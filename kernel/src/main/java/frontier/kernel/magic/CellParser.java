package frontier.kernel.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into what runs: a {@code %%name args} cell magic owns the whole cell; otherwise
 * {@code %name args} and {@code !cmd} lines (at column 0) run as magics and the lines between
 * them run as Java.
 */
public final class CellParser {
    public enum Kind { JAVA, LINE_MAGIC, CELL_MAGIC, SHELL }

    /** One part of a cell; for magics, name and args; for cell magics also body; line is where it starts (0-based). */
    public record Part(Kind kind, String name, String args, String body, int line) {
    }

    private CellParser() {
    }

    public static boolean hasMagic(String code) {
        for (String l : code.split("\n", -1)) {
            if (l.startsWith("%") || l.startsWith("!")) {
                return true;
            }
        }
        return false;
    }

    public static List<Part> parse(String code) {
        List<Part> parts = new ArrayList<>();
        String stripped = code.stripLeading();
        if (stripped.startsWith("%%")) {
            int nl = stripped.indexOf('\n');
            String head = nl < 0 ? stripped.substring(2) : stripped.substring(2, nl);
            String body = nl < 0 ? "" : stripped.substring(nl + 1);
            String[] nameArgs = splitNameArgs(head);
            parts.add(new Part(Kind.CELL_MAGIC, nameArgs[0], nameArgs[1], body, 0));
            return parts;
        }
        String[] lines = code.split("\n", -1);
        StringBuilder java = new StringBuilder();
        int javaStart = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            boolean magic = l.startsWith("%") || l.startsWith("!");
            if (!magic) {
                if (javaStart < 0) {
                    javaStart = i;
                }
                java.append(l).append('\n');
                continue;
            }
            flushJava(parts, java, javaStart);
            javaStart = -1;
            if (l.startsWith("!")) {
                parts.add(new Part(Kind.SHELL, "!", l.substring(1).trim(), null, i));
            } else {
                String[] nameArgs = splitNameArgs(l.substring(1));
                parts.add(new Part(Kind.LINE_MAGIC, nameArgs[0], nameArgs[1], null, i));
            }
        }
        flushJava(parts, java, javaStart);
        return parts;
    }

    private static void flushJava(List<Part> parts, StringBuilder java, int start) {
        if (!java.toString().isBlank()) {
            parts.add(new Part(Kind.JAVA, null, null, java.toString(), start));
        }
        java.setLength(0);
    }

    private static String[] splitNameArgs(String head) {
        String h = head.strip();
        int sp = 0;
        while (sp < h.length() && !Character.isWhitespace(h.charAt(sp))) {
            sp++;
        }
        return new String[]{h.substring(0, sp), h.substring(sp).strip()};
    }
}
