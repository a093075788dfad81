package frontier.zarr.codec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Cross-checks against numcodecs both ways: we decode what numcodecs encoded (every case), and
 * numcodecs decodes what we encoded (one Python run for the whole matrix).
 */
class NumcodecsCrossCheckTest {

    @TestFactory
    Stream<DynamicTest> decodesWhatNumcodecsEncoded() throws Exception {
        Path d = NumcodecsVectors.dir();
        return NumcodecsVectors.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            byte[] enc = Files.readAllBytes(d.resolve(c.name() + ".enc"));
            byte[] expected = Files.readAllBytes(d.resolve(c.name() + (c.lossy() ? ".dec" : ".raw")));
            Codec codec = Codecs.fromConfig(c.config());
            byte[] got = codec.decode(enc);
            assertEquals(expected.length, got.length, c.name() + ": decoded length");
            assertArrayEquals(expected, got, c.name());
        }));
    }

    @Test
    void numcodecsDecodesWhatWeEncoded() throws Exception {
        Path d = NumcodecsVectors.dir();
        List<String> ownRoundTripFailures = new ArrayList<>();
        int n = 0;
        for (NumcodecsVectors.Case c : NumcodecsVectors.cases()) {
            byte[] raw = Files.readAllBytes(d.resolve(c.name() + ".raw"));
            Codec codec = Codecs.fromConfig(c.config());
            byte[] enc = codec.encode(raw, c.itemsize());
            Files.write(d.resolve(c.name() + ".java"), enc);
            if (!c.lossy() && !Arrays.equals(raw, codec.decode(enc))) {
                ownRoundTripFailures.add(c.name());
            }
            n++;
        }
        assertTrue(ownRoundTripFailures.isEmpty(), "our own round trip failed for " + ownRoundTripFailures);
        NumcodecsVectors.Result r = NumcodecsVectors.run("check", d);
        String failures = r.output().lines().filter(l -> !l.startsWith("OK ")).reduce("", (a, b) -> a + b + "\n");
        if (r.exit() != 0) {
            fail("numcodecs could not decode some of our " + n + " encodings:\n" + failures);
        }
        assertTrue(r.output().contains("checked " + n + " cases, 0 failed"), r.output());
    }

    /** numcodecs' own blosc frames: their sums taken from the shuffled streams equal the sums of numcodecs' raw elements. */
    @Test
    void sumsOfNumcodecsBloscFramesEqualTheirElementSums() throws Exception {
        Path d = NumcodecsVectors.dir();
        int checked = 0;
        for (NumcodecsVectors.Case c : NumcodecsVectors.cases()) {
            if (!"blosc".equals(c.config().get("id")) || c.itemsize() > 4) continue;
            byte[] enc = Files.readAllBytes(d.resolve(c.name() + ".enc"));
            byte[] raw = Files.readAllBytes(d.resolve(c.name() + ".raw"));
            if (raw.length % c.itemsize() != 0) continue;
            for (boolean signed : new boolean[]{false, true}) {
                Long sum = BloscCodec.sumIntegers(enc, enc.length, raw.length, c.itemsize(), signed, false);
                if (sum == null) continue; // not byte-shuffled: summed after a plain decode
                assertEquals(BloscCodecTest.elementSum(raw, c.itemsize(), signed, false), sum, c.name() + " signed=" + signed);
                checked++;
            }
        }
        assertTrue(checked > 0, "no byte-shuffled blosc frame among numcodecs' vectors");
    }
}
