package frontier.kernel.messaging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** The contents of what the kernel publishes on iopub. */
public final class Iopub {
    private Iopub() {
    }

    public record Status(String executionState) implements Content {
        public static final Status BUSY = new Status("busy"), IDLE = new Status("idle");

        @Override
        public String msgType() {
            return "status";
        }
    }

    /** name: stdout or stderr. */
    public record Stream(String name, String text) implements Content {
        @Override
        public String msgType() {
            return "stream";
        }
    }

    public record ExecuteInput(String code, int executionCount) implements Content {
        @Override
        public String msgType() {
            return "execute_input";
        }
    }

    public record ExecuteResult(int executionCount, Map<String, Object> data, Map<String, Object> metadata) implements Content {
        @Override
        public String msgType() {
            return "execute_result";
        }
    }

    /** display_data, or update_display_data (update) of the output shown with that display id. */
    public record DisplayData(Map<String, Object> data, Map<String, Object> metadata,
                              @JsonProperty("transient") Map<String, Object> transientData, @JsonIgnore boolean update)
            implements Content {
        public static DisplayData of(Map<String, Object> bundle, String displayId, boolean update) {
            return new DisplayData(bundle, Map.of(), displayId == null ? Map.of() : Map.of("display_id", displayId), update);
        }

        @Override
        public String msgType() {
            return update ? "update_display_data" : "display_data";
        }
    }

    /** wait: clear only when new output arrives. */
    public record ClearOutput(@JsonProperty("wait") boolean waitForOutput) implements Content {
        @Override
        public String msgType() {
            return "clear_output";
        }
    }

    public record Error(String ename, String evalue, List<String> traceback) implements Content {
        @Override
        public String msgType() {
            return "error";
        }
    }
}
