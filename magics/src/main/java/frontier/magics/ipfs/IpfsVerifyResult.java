package frontier.magics.ipfs;

import frontier.ipfs.VerifyResult;
import frontier.ipfs.resolve.DagDiff;
import frontier.magics.ExitStatus;
import frontier.text.TerminalText;

/** {@code ipfs verify}'s verdict: OK or DIFFERENT with the paths that differ; the CLI exits 1 unless OK. */
public final class IpfsVerifyResult implements ExitStatus {
    private final VerifyResult result;
    private final String text;

    public IpfsVerifyResult(VerifyResult result, String shownPath, String nodeLine) {
        this.result = result;
        StringBuilder t = new StringBuilder();
        String local = TerminalText.escape(shownPath);
        if (result.ok()) {
            t.append("OK ").append(local).append(" holds exactly ").append(result.expected()).append('\n');
        } else {
            t.append("DIFFERENT: ").append(local).append(" imports as ").append(result.imported()).append(", not ").append(result.expected()).append('\n');
            if (result.hint() != null) t.append("note: ").append(result.hint()).append('\n');
            for (DagDiff.Change c : result.differences()) t.append("  ").append(c).append('\n');
            if (result.differences().size() >= VerifyResult.MAX_DIFFERENCES) t.append("  ... (first ").append(VerifyResult.MAX_DIFFERENCES).append(" differences)\n");
        }
        t.append(nodeLine);
        this.text = t.toString();
    }

    /** The typed verdict. */
    public VerifyResult result() {
        return result;
    }

    public boolean ok() {
        return result.ok();
    }

    @Override
    public int exitStatus() {
        return result.ok() ? 0 : 1;
    }

    @Override
    public String toString() {
        return text;
    }
}
