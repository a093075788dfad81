package frontier.kernel.messaging;

/**
 * The contents of the requests the kernel reads, as the protocol (5.3) defines them. Absent
 * fields take the protocol's defaults; unknown ones are ignored.
 */
public final class Requests {
    private Requests() {
    }

    public record ExecuteRequest(String code, Boolean silent, Boolean storeHistory, Boolean allowStdin, Boolean stopOnError) {
        public ExecuteRequest {
            code = code == null ? "" : code;
            silent = silent != null && silent;
            storeHistory = (storeHistory == null || storeHistory) && !silent;
            allowStdin = allowStdin != null && allowStdin;
            stopOnError = stopOnError == null || stopOnError;
        }
    }

    /** complete_request and inspect_request: code and a cursor position in code points (null: the end). */
    public record CodeAtCursor(String code, Integer cursorPos) {
        public CodeAtCursor {
            code = code == null ? "" : code;
            cursorPos = cursorPos == null ? code.codePointCount(0, code.length()) : cursorPos;
        }
    }

    public record IsCompleteRequest(String code) {
        public IsCompleteRequest {
            code = code == null ? "" : code;
        }
    }

    public record HistoryRequest(Boolean output, String histAccessType, Integer start, Integer stop, Integer n,
                                 String pattern, Boolean unique) {
        public HistoryRequest {
            output = output != null && output;
            histAccessType = histAccessType == null ? "tail" : histAccessType;
            start = start == null ? 0 : start;
            stop = stop == null ? 0 : stop;
            pattern = pattern == null ? "*" : pattern;
            unique = unique != null && unique;
        }
    }

    public record ShutdownRequest(Boolean restart) {
        public ShutdownRequest {
            restart = restart != null && restart;
        }
    }

    public record InputReply(String value) {
        public InputReply {
            value = value == null ? "" : value;
        }
    }
}
