package frontier.kernel.display;

import java.util.Map;

/** Where display calls go: the kernel publishes them on iopub for the running cell. */
public interface DisplayHost {
    /** display_data (update false) or update_display_data (update true); displayId may be null. */
    void show(Map<String, Object> bundle, String displayId, boolean update);

    void clearOutput(boolean wait);
}
