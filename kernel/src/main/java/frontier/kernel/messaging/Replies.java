package frontier.kernel.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** The contents of the replies the kernel sends on shell and control. */
public final class Replies {
    private Replies() {
    }

    public record ExecuteOk(String status, int executionCount, List<PagePayload> payload, Map<String, Object> userExpressions)
            implements Content {
        public ExecuteOk(int executionCount, List<PagePayload> payload) {
            this("ok", executionCount, payload, Map.of());
        }

        @Override
        public String msgType() {
            return "execute_reply";
        }
    }

    public record ExecuteError(String status, int executionCount, String ename, String evalue, List<String> traceback)
            implements Content {
        public ExecuteError(int executionCount, String ename, String evalue, List<String> traceback) {
            this("error", executionCount, ename, evalue, traceback);
        }

        @Override
        public String msgType() {
            return "execute_reply";
        }
    }

    /** A cell queued behind a failed one, not run. */
    public record ExecuteAborted(String status, int executionCount) implements Content {
        public ExecuteAborted(int executionCount) {
            this("aborted", executionCount);
        }

        @Override
        public String msgType() {
            return "execute_reply";
        }
    }

    /** IPython's pager payload (name? shows the inspection of name). */
    public record PagePayload(String source, Map<String, Object> data, int start) {
        public PagePayload(String text) {
            this("page", Map.of("text/plain", text), 0);
        }
    }

    public record CompleteReply(String status, List<String> matches, int cursorStart, int cursorEnd, Map<String, Object> metadata)
            implements Content {
        public CompleteReply(List<String> matches, int cursorStart, int cursorEnd) {
            this("ok", matches, cursorStart, cursorEnd, Map.of());
        }

        @Override
        public String msgType() {
            return "complete_reply";
        }
    }

    public record InspectReply(String status, boolean found, Map<String, Object> data, Map<String, Object> metadata)
            implements Content {
        public static InspectReply of(String text) {
            return new InspectReply("ok", text != null, text == null ? Map.of() : Map.of("text/plain", text), Map.of());
        }

        @Override
        public String msgType() {
            return "inspect_reply";
        }
    }

    /** status complete, incomplete (with the indent to continue with) or invalid. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IsCompleteReply(String status, String indent) implements Content {
        public static IsCompleteReply of(String status) {
            return new IsCompleteReply(status, "incomplete".equals(status) ? "    " : null);
        }

        @Override
        public String msgType() {
            return "is_complete_reply";
        }
    }

    public record HistoryReply(String status, List<List<Object>> history) implements Content {
        public HistoryReply(List<List<Object>> history) {
            this("ok", history);
        }

        @Override
        public String msgType() {
            return "history_reply";
        }
    }

    public record CommInfoReply(String status, Map<String, Object> comms) implements Content {
        public CommInfoReply() {
            this("ok", Map.of());
        }

        @Override
        public String msgType() {
            return "comm_info_reply";
        }
    }

    public record InterruptReply(String status) implements Content {
        public InterruptReply() {
            this("ok");
        }

        @Override
        public String msgType() {
            return "interrupt_reply";
        }
    }

    public record ShutdownReply(String status, boolean restart) implements Content {
        public ShutdownReply(boolean restart) {
            this("ok", restart);
        }

        @Override
        public String msgType() {
            return "shutdown_reply";
        }
    }

    public record KernelInfoReply(String status, String protocolVersion, String implementation, String implementationVersion,
                                  LanguageInfo languageInfo, String banner, boolean debugger, List<HelpLink> helpLinks)
            implements Content {
        @Override
        public String msgType() {
            return "kernel_info_reply";
        }
    }

    public record LanguageInfo(String name, String version, String mimetype, String fileExtension, String codemirrorMode,
                               String pygmentsLexer) {
    }

    public record HelpLink(String text, String url) {
    }

    /** Sent on stdin to ask the frontend for a line. */
    public record InputRequest(String prompt, boolean password) implements Content {
        @Override
        public String msgType() {
            return "input_request";
        }
    }
}
