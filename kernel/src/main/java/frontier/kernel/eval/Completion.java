package frontier.kernel.eval;

import java.util.List;

/** Completion matches replacing the cell text between start and end (UTF-16 indexes). */
public record Completion(List<String> matches, int start, int end) {
}
