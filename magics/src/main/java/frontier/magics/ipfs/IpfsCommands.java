package frontier.magics.ipfs;

import frontier.ipfs.importer.ImportException;
import frontier.ipfs.resolve.IpfsPath;
import frontier.magics.MagicException;

import java.io.IOException;
import java.nio.file.Path;

/** Shared bits of the ipfs subcommands: path parsing and turning failures into user errors. */
final class IpfsCommands {
    private IpfsCommands() {
    }

    static IpfsPath parse(String s) {
        try {
            return IpfsPath.parse(s);
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage(), e);
        }
    }

    /** A fetch/RPC/refusal failure as a user error; the message already names the CID, path or node. */
    static MagicException fail(IOException e) {
        return new MagicException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    /** An add that cannot be done (a missing path, contradicting flags) as a user error. */
    static MagicException fail(RuntimeException e) {
        if (e instanceof ImportException || e instanceof IllegalArgumentException) return new MagicException(e.getMessage(), e);
        throw e;
    }

    /** A path argument, relative to the magic's working directory. */
    static Path local(Path cwd, String path) {
        return cwd.resolve(path).toAbsolutePath().normalize();
    }
}
