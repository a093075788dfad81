package frontier.kernel.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * binder/postBuild with a temporary HOME installs the kernelspec for that user, and a notebook
 * executes on it. (The jar built by this Maven run is reused: postBuild builds only when none exists.)
 */
class BinderPostBuildIT {
    @Test
    void postBuildInstallsAWorkingKernelForTheUser() throws Exception {
        Peers.requirePython("nbclient", "python3-nbclient");
        Peers.jar();
        Path repo = Peers.moduleDir().resolve("..").normalize();
        Path home = Files.createTempDirectory("frontier-binder-home-");
        Map<String, String> env = Map.of("HOME", home.toString(), "MAVEN_FLAGS", "-o",
                "MAVEN_OPTS", "-Dmaven.repo.local=" + System.getProperty("user.home") + "/.m2/repository",
                "JUPYTER_PATH", "", "JUPYTER_DATA_DIR", "", "XDG_DATA_HOME", "");
        Peers.Result build = Peers.run(List.of(repo.resolve("binder/postBuild").toString()), env,
                Peers.target().resolve("it-binder-postbuild.log"), 900);
        assertEquals(0, build.exit(), "binder/postBuild failed:\n" + build.output());
        assertTrue(Files.isRegularFile(home.resolve(".local/share/jupyter/kernels/frontier-java/kernel.json")), build.output());
        Peers.Result check = Peers.run(List.of(Peers.PYTHON.toString(),
                        Peers.moduleDir().resolve("src/test/python/check_binder.py").toString(), home.toString()),
                env, Peers.target().resolve("it-binder-check.log"), 300);
        assertEquals(0, check.exit(), "notebook on the binder kernel failed:\n" + check.output());
    }
}
