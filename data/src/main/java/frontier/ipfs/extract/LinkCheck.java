package frontier.ipfs.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Where a relative symlink leads, resolved as the kernel resolves it: component by component from
 * the link's directory, ".." taking away the last real directory, and any component that is
 * itself a symlink replaced by that link's text. Lexical normalisation is not enough: with
 * {@code b -> .} a link {@code a -> b/../x} looks like {@code x} but leads to {@code ../x}.
 * Components that do not exist are taken as directories, so a dangling link is judged by where it
 * would lead.
 */
final class LinkCheck {
    /** More hops than this is a loop (Linux gives up after 40). */
    static final int MAX_HOPS = 40;

    private LinkCheck() {
    }

    /**
     * Why the link at linkDir/NAME with text leaves the root, or null when it stays inside.
     * linkAt answers, for a path relative to the root, the text of the symlink there (null when
     * it is not a symlink).
     */
    static String escapes(List<String> linkDir, String text, Function<List<String>, String> linkAt) {
        if (text.isEmpty()) return "it is empty";
        if (text.startsWith("/")) return "it is an absolute path";
        if (text.indexOf('\0') >= 0) return "it holds a NUL";
        Deque<String> todo = new ArrayDeque<>(List.of(text.split("/", -1)));
        List<String> at = new ArrayList<>(linkDir);
        int hops = 0;
        while (!todo.isEmpty()) {
            String s = todo.pollFirst();
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (at.isEmpty()) return "it leads outside the target";
                at.remove(at.size() - 1);
                continue;
            }
            at.add(s);
            String next = linkAt.apply(at);
            if (next != null) {
                if (++hops > MAX_HOPS) return "it goes through more than " + MAX_HOPS + " symlinks (a loop)";
                if (next.startsWith("/")) return "it goes through a symlink to an absolute path";
                at.remove(at.size() - 1);
                String[] parts = next.split("/", -1);
                for (int i = parts.length - 1; i >= 0; i--) todo.addFirst(parts[i]);
            }
        }
        return null;
    }
}
