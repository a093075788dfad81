package frontier.magics;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument line into words the way a POSIX shell does: blanks separate words,
 * 'single quotes' keep everything literally, "double quotes" keep blanks and honour \" \\ \$ \`
 * escapes, and a backslash outside quotes escapes the next character. No expansion of variables,
 * globs or ~ is done: a magic receives exactly what the user typed.
 */
public final class ArgTokenizer {
    private ArgTokenizer() {
    }

    /** The words of {@code line}; throws MagicException on an unclosed quote or a trailing backslash. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        if (line == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new MagicException("unclosed single quote in: " + line);
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end;
            } else if (c == '"') {
                inWord = true;
                int j = i + 1;
                for (; j < n; j++) {
                    char d = line.charAt(j);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && j + 1 < n) {
                        char e = line.charAt(j + 1);
                        if (e == '"' || e == '\\' || e == '$' || e == '`') {
                            word.append(e);
                            j++;
                            continue;
                        }
                        if (e == '\n') { // line continuation inside double quotes
                            j++;
                            continue;
                        }
                    }
                    word.append(d);
                }
                if (j >= n) {
                    throw new MagicException("unclosed double quote in: " + line);
                }
                i = j;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new MagicException("trailing backslash in: " + line);
                }
                char e = line.charAt(++i);
                if (e != '\n') { // backslash-newline joins lines
                    word.append(e);
                    inWord = true;
                }
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
