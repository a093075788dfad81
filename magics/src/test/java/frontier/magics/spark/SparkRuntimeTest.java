package frontier.magics.spark;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where %spark looks for what the build prepared, from where the running code was built. */
class SparkRuntimeTest {
    @Test
    void sparkTargetOfTheRepositoryThatBuiltTheKernelTheCliOrTheClasses() {
        Path repo = Path.of("/home/me/frontier");
        for (String code : new String[]{"kernel/target/frontier-kernel-0.1.0-SNAPSHOT.jar", "magics/target/frontier-cli.jar", "magics/target/classes"}) {
            assertEquals(repo.resolve("spark/target"), SparkRuntime.besideBuild(repo.resolve(code)), code);
        }
    }
}
