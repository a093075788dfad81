package frontier.kernel.eval;

import java.util.List;

/** What a failed cell shows: Jupyter's ename / evalue / traceback triple. */
public record CellError(String ename, String evalue, List<String> traceback) {
}
