package frontier.kernel.eval;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell our in-process execution control. */
final class SessionExecutionProvider implements ExecutionControlProvider {
    private final SessionExecutionControl control;

    SessionExecutionProvider(SessionExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "frontier-local";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
