package frontier.magics.ipfs;

import frontier.ipfs.AddOptions;
import frontier.ipfs.Ipfs;
import frontier.ipfs.VerifyResult;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import frontier.magics.MagicException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code ipfs verify PATH CID [add flags]}: does this local folder hold exactly that CID? Re-imports
 * PATH with the given {@code add} flags (the ones used to make the CID, e.g. the tutorial's
 * {@code -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w}) without storing file data,
 * then compares the roots and, when they differ, walks both DAGs to list the files that differ.
 * The CLI exits 0 only on an exact match, 1 on a difference.
 */
@Command(name = "verify", description = {"Check that a local file or folder holds exactly a CID; list the files that differ.",
        "Usage: verify PATH CID [the add flags used to make CID]. Exit status: 0 exact match, 1 different, 2 error."})
public final class IpfsVerifyCommand implements Magic {
    /** add's flags (and --api/--offline) and its positional paths (here: PATH and CID). */
    @Mixin
    IpfsAddCommand add = new IpfsAddCommand();

    private MagicContext context;

    @Override
    public void setContext(MagicContext context) {
        this.context = context;
    }

    @Override
    public Object call() {
        if (add.paths.size() != 2) throw new MagicException("usage: %ipfs verify PATH CID [add flags], e.g. verify ./images/6001240.zarr bafy... -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w");
        Path cwd = context == null ? Path.of("").toAbsolutePath() : context.cwd();
        Path local = IpfsCommands.local(cwd, add.paths.get(0));
        String expected = IpfsCommands.parse(add.paths.get(1)).toString();
        AddOptions options = AddOptions.of(add.options());
        Ipfs ipfs = add.choice.select();
        VerifyResult v;
        try {
            v = ipfs.verify(local, expected, options);
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        } catch (RuntimeException e) {
            throw IpfsCommands.fail(e);
        }
        return new IpfsVerifyResult(v, add.paths.get(0), IpfsNodeChoice.line(ipfs));
    }
}
