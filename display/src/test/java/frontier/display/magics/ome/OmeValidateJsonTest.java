package frontier.display.magics.ome;

import frontier.magics.ome.OmeValidateResult;
import frontier.ome.NgffValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class OmeValidateJsonTest {
    @TempDir
    Path dir;

    @Test
    void theVerdictIsTextAndTheHarnesssJson() throws Exception {
        Files.writeString(dir.resolve(".zgroup"), "{\"zarr_format\": 2}");
        Files.writeString(dir.resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.4\", \"datasets\": []}]}");
        OmeValidateResult r = new OmeValidateResult(new NgffValidator(false, false).validate(dir.toString()), false);
        assertFalse(r.valid(), r.toString());
        Map<String, Object> b = new LinkedHashMap<>();
        OmeValidateJson.render(r, b);
        assertEquals(r.toString(), b.get("text/plain"));
        assertEquals(Map.of("valid", false, "message", r.report().message()), b.get("application/json"));
    }
}
