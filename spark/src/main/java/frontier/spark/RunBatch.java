package frontier.spark;

import frontier.spark.plan.BatchRunner;
import org.apache.spark.api.java.function.Function;

/** The function Spark maps over a step's partitions: one serialized batch in, its serialized result out. */
final class RunBatch implements Function<byte[], byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public byte[] call(byte[] batch) throws Exception {
        return BatchRunner.run(batch);
    }
}
