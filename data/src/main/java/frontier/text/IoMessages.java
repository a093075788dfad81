package frontier.text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The message of an I/O failure for a user: the file and the reason. Java's file system exceptions
 * often carry only the path (an AccessDeniedException's message is "/data/x/0.0"), which reads as if
 * the file were the error; the reason the OS gave is added here, as ls and cat word it.
 */
public final class IoMessages {
    private IoMessages() {
    }

    /** "FILE: permission denied", or the exception's own message when it already says why. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fe && fe.getReason() == null) {
            String why = reason(fe);
            if (why != null) {
                return fe.getFile() + (fe.getOtherFile() == null ? "" : " -> " + fe.getOtherFile()) + ": " + why;
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException) return "file exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        return null;
    }
}
