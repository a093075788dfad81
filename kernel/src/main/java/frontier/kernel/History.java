package frontier.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The session's input history for history_request: tail, range and glob search. */
final class History {
    static final int SESSION = 1;

    record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized List<List<Object>> tail(int n, boolean output) {
        int from = Math.max(0, entries.size() - Math.max(0, n));
        return rows(entries.subList(from, entries.size()), output);
    }

    synchronized List<List<Object>> range(int start, int stop, boolean output) {
        List<Entry> picked = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line >= start && (stop <= 0 || e.line < stop)) {
                picked.add(e);
            }
        }
        return rows(picked, output);
    }

    /** IPython's search: glob pattern over inputs, optionally unique (latest kept), last n. */
    synchronized List<List<Object>> search(String glob, int n, boolean unique, boolean output) {
        Pattern p = globPattern(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> picked = new ArrayList<>();
        for (Entry e : entries) {
            if (p.matcher(e.input).matches()) {
                picked.add(e);
            }
        }
        if (unique) {
            Map<String, Entry> last = new LinkedHashMap<>();
            for (Entry e : picked) {
                last.remove(e.input);
                last.put(e.input, e);
            }
            picked = new ArrayList<>(last.values());
        }
        if (n > 0 && picked.size() > n) {
            picked = picked.subList(picked.size() - n, picked.size());
        }
        return rows(picked, output);
    }

    private static List<List<Object>> rows(List<Entry> es, boolean output) {
        List<List<Object>> rows = new ArrayList<>();
        for (Entry e : es) {
            Object third = output ? java.util.Arrays.asList(e.input, e.output) : e.input;
            rows.add(List.of(SESSION, e.line, third));
        }
        return rows;
    }

    static Pattern globPattern(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
