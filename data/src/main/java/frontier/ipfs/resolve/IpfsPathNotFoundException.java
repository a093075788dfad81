package frontier.ipfs.resolve;

import java.io.FileNotFoundException;

/** A well-formed path whose DAG exists but that names no entry (a missing file or directory). */
public final class IpfsPathNotFoundException extends FileNotFoundException {
    public IpfsPathNotFoundException(String message) {
        super(message);
    }
}
