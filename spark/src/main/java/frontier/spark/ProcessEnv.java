package frontier.spark;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * Sets environment variables as this JVM sees them ({@code System.getenv}). Spark reads a few only
 * from the environment: a local-cluster worker takes SPARK_HOME (where executors' jars are) and the
 * web UI binds SPARK_LOCAL_IP; a kernel started by Jupyter has neither. Java has no setenv, so the
 * JVM's copy of the environment is changed through reflection, which the driver's --add-opens of
 * java.lang and java.util (Spark needs them anyway) allow. Child processes are unaffected; Spark
 * passes SPARK_HOME to executors itself.
 */
final class ProcessEnv {
    private ProcessEnv() {
    }

    @SuppressWarnings("unchecked")
    static void set(String name, String value) {
        if (value.equals(System.getenv(name))) return;
        try {
            Class<?> pe = Class.forName("java.lang.ProcessEnvironment");
            Field f = pe.getDeclaredField("theUnmodifiableEnvironment");
            f.setAccessible(true);
            Map<String, String> env = (Map<String, String>) f.get(null);
            Field m = env.getClass().getDeclaredField("m");
            m.setAccessible(true);
            ((Map<String, String>) m.get(env)).put(name, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot set " + name + " for Spark in this JVM (" + e
                    + "); start the kernel with " + name + "=" + value + " in its environment", e);
        }
        if (!value.equals(System.getenv(name))) {
            throw new IllegalStateException("cannot set " + name + " for Spark in this JVM; start the kernel with " + name + "=" + value + " in its environment");
        }
    }
}
