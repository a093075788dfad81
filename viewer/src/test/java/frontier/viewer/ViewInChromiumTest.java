package frontier.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.array.NdArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The view in a real browser: Debian's chromium (package chromium), headless with SwiftShader
 * WebGL2, driven by npm playwright-core from peers/ (setup.sh --deps-only installs it).
 * A two-channel volume with a green ball up-right and a magenta ball down-left must show
 * those colors in those places, and dragging the mouse must change the picture.
 * Screenshots are kept in viewer/target/browser/ (CI artifacts).
 */
class ViewInChromiumTest {
    static final Path MODULE = Path.of(System.getProperty("user.dir"));
    static final Path PEERS = MODULE.resolveSibling("peers").resolve("node_modules");
    static final Path OUT = MODULE.resolve("target/browser");

    static void assumeBrowser() {
        boolean chromium = Files.isExecutable(Path.of("/usr/bin/chromium"));
        boolean pw = Files.isDirectory(PEERS.resolve("playwright-core"));
        if (!chromium) System.err.println("SKIPPED ViewInChromiumTest: /usr/bin/chromium is missing (Debian package chromium)");
        if (!pw) System.err.println("SKIPPED ViewInChromiumTest: " + PEERS.resolve("playwright-core") + " is missing (run setup.sh --deps-only: npm ci in peers/)");
        Assumptions.assumeTrue(chromium, "Debian package chromium is not installed");
        Assumptions.assumeTrue(pw, "npm playwright-core is not installed in peers/ (setup.sh --deps-only)");
    }

    static JsonNode runPage(String name, String html) throws Exception {
        Files.createDirectories(OUT);
        Path page = OUT.resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("node", MODULE.resolve("src/test/js/screenshot.cjs").toString(),
                page.toAbsolutePath().toString(), OUT.resolve(name).toAbsolutePath().toString());
        pb.environment().put("NODE_PATH", PEERS.toAbsolutePath().toString());
        pb.redirectError(OUT.resolve(name + ".stderr.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "node screenshot.cjs did not finish");
        assertEquals(0, p.exitValue(), "node failed: " + out + Files.readString(OUT.resolve(name + ".stderr.txt")));
        String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
        return new ObjectMapper().readTree(last);
    }

    static BufferedImage read(String file) throws IOException {
        return ImageIO.read(OUT.resolve(file).toFile());
    }

    /** Centroid (fractions of width, height) of pixels where the predicate on (r, g, b) holds; null if none. */
    static double[] centroid(BufferedImage img, java.util.function.IntPredicate rgb) {
        double sx = 0, sy = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++)
            for (int x = 0; x < img.getWidth(); x++)
                if (rgb.test(img.getRGB(x, y) & 0xffffff)) { sx += x + 0.5; sy += y + 0.5; n++; }
        return n == 0 ? null : new double[]{sx / n / img.getWidth(), sy / n / img.getHeight(), n};
    }

    static boolean greenish(int rgb) {
        int r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
        return g > 100 && r < g / 2 && b < g / 2;
    }

    static boolean magentaish(int rgb) {
        int r = rgb >> 16 & 255, g = rgb >> 8 & 255, b = rgb & 255;
        return r > 100 && b > 100 && g < Math.min(r, b) / 2;
    }

    /** Where voxel (y, x) of an n-voxel cube lands on the canvas at the default view (fractions). */
    static double[] expectedOnCanvas(double y, double x, int n) {
        double half = 0.6; // the script's box: largest side spans 1.2 of the 2-unit view
        double wx = ((x + 0.5) / n - 0.5) * 2 * half, wy = -((y + 0.5) / n - 0.5) * 2 * half;
        return new double[]{(wx + 1) / 2, (1 - wy) / 2};
    }

    @Test
    void twoChannelBallsRenderWhereTheyAreAndDragRotates() throws Exception {
        assumeBrowser();
        int n = 64;
        NdArray vol = Volumes.balls(n, n, n, 7, 1000, new int[]{32, 16, 46}, new int[]{32, 46, 16});
        VolumeView v = View.view(vol, new ViewOptions().embedBundle(true).size(240));
        JsonNode r = runPage("two-balls", v.standalonePage());
        assertTrue(r.get("errors").isEmpty(), "page errors: " + r.get("errors"));
        assertTrue(r.path("error").isNull(), "mount error: " + r.get("error"));
        assertEquals("", r.path("status").asText(), "the view fell back: " + r.path("status").asText());

        BufferedImage before = read("two-balls-before.png");
        double[] g = centroid(before, ViewInChromiumTest::greenish);
        double[] m = centroid(before, ViewInChromiumTest::magentaish);
        assertNotNull(g, "no green region in the 3D view (blank?)");
        assertNotNull(m, "no magenta region in the 3D view");
        double[] ge = expectedOnCanvas(16, 46, n), me = expectedOnCanvas(46, 16, n);
        assertEquals(ge[0], g[0], 0.05, "green ball x");
        assertEquals(ge[1], g[1], 0.05, "green ball y");
        assertEquals(me[0], m[0], 0.05, "magenta ball x");
        assertEquals(me[1], m[1], 0.05, "magenta ball y");

        BufferedImage after = read("two-balls-after.png");
        assertEquals(before.getWidth(), after.getWidth());
        long changed = 0;
        for (int y = 0; y < before.getHeight(); y++)
            for (int x = 0; x < before.getWidth(); x++)
                if (before.getRGB(x, y) != after.getRGB(x, y)) changed++;
        assertTrue(changed > before.getWidth() * before.getHeight() / 100, "dragging changed only " + changed + " pixels");
        double[] g2 = centroid(after, ViewInChromiumTest::greenish);
        assertNotNull(g2, "the green ball vanished after dragging");
        assertTrue(Math.abs(g2[0] - g[0]) + Math.abs(g2[1] - g[1]) > 0.03, "the green ball did not move when rotating");

        // composite rendering puts the balls in the same places
        BufferedImage comp = read("two-balls-composite.png");
        double[] gc = centroid(comp, ViewInChromiumTest::greenish);
        assertNotNull(gc, "no green region in the composite rendering");
        assertEquals(ge[0], gc[0], 0.05, "green ball x (composite)");
        assertEquals(ge[1], gc[1], 0.05, "green ball y (composite)");

        // the slice plane through z = 32 holds both balls' centres
        BufferedImage slice = read("two-balls-slice-z.png");
        double[] gs = centroid(slice, ViewInChromiumTest::greenish);
        assertNotNull(gs, "no green in the z slice");
        assertEquals((46 + 0.5) / n, gs[0], 0.06);
        assertEquals((16 + 0.5) / n, gs[1], 0.06);
    }

    /** The tutorial-shaped OME-Zarr image (zarr-python writes it, our reader opens it): omero colors on screen. */
    @Test
    void omeZarrImageShowsInItsOmeroColors(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeBrowser();
        boolean zarr = new ProcessBuilder("/usr/bin/python3", "-c", "import zarr").start().waitFor() == 0;
        Assumptions.assumeTrue(zarr, "Debian python3-zarr is not installed");
        Path image = dir.resolve("img.zarr");
        Process gen = new ProcessBuilder("/usr/bin/python3", MODULE.getParent().resolve("tools/make_ome_zarr.py").toString(),
                image.toString(), "--size", "small").inheritIO().start();
        assertEquals(0, gen.waitFor());
        VolumeView v = View.view(frontier.zarr.Zarr.open(image), new ViewOptions().embedBundle(true).size(240));
        JsonNode r = runPage("ome-small", v.standalonePage());
        assertTrue(r.get("errors").isEmpty(), "page errors: " + r.get("errors"));
        assertEquals("", r.path("status").asText());
        BufferedImage img = read("ome-small-before.png");
        // LaminB1 is blue, Dapi yellow (no blue) in the image's omero block; both must show. The
        // synthetic nuclei overlap in both channels, so LaminB1 shows as the blue part of grey/white
        double[] blue = centroid(img, rgb -> (rgb & 255) > 50);
        double[] yellow = centroid(img, rgb -> (rgb >> 16 & 255) > 120 && (rgb >> 8 & 255) > 120 && (rgb & 255) < 80);
        assertNotNull(blue, "no blue (LaminB1) in the view");
        assertNotNull(yellow, "no yellow (Dapi) in the view");
    }

    /**
     * A notebook's page as nbconvert writes it: a view whose output came before the bundle
     * (it waits in the queue), the bundle sent once, then a view that finds it as a global.
     */
    @Test
    void viewsShareOneBundlePerPageWhateverTheOrder() throws Exception {
        assumeBrowser();
        NdArray a = Volumes.balls(16, 16, 16, 3, 500, new int[]{8, 4, 12});
        String early = View.view(a, new ViewOptions().embedBundle(false).size(128)).html();
        String late = View.view(a, new ViewOptions().embedBundle(false).size(128)).html();
        String page = "<!DOCTYPE html><html><body><div class=\"output\">" + early + "</div><div class=\"output\">" + View.bundleScript()
                + "</div><div class=\"output\">" + late + "</div></body></html>";
        Files.createDirectories(OUT);
        Path file = OUT.resolve("shared-bundle.html");
        Files.writeString(file, page);
        ProcessBuilder pb = new ProcessBuilder("node", MODULE.resolve("src/test/js/mounted.cjs").toString(),
                file.toAbsolutePath().toString(), OUT.resolve("shared-bundle.png").toAbsolutePath().toString());
        pb.environment().put("NODE_PATH", PEERS.toAbsolutePath().toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        JsonNode r = new ObjectMapper().readTree(out.strip().lines().reduce((x, y) -> y).orElse("{}"));
        assertTrue(r.get("errors").isEmpty(), out);
        assertEquals(2, r.get("views").size(), out);
        for (JsonNode v : r.get("views")) {
            assertEquals("1", v.path("mounted").asText(), out);
            assertTrue(v.path("rendered").asInt() >= 1, "not rendered: " + out);
        }
    }

    @Test
    void viewWithoutBundleFallsBackToThePicture() throws Exception {
        assumeBrowser();
        NdArray vol = Volumes.balls(16, 16, 16, 3, 500, new int[]{8, 4, 12});
        VolumeView v = View.view(vol, new ViewOptions().embedBundle(false));
        // the page of a saved notebook whose bundle output is gone: just this view's HTML
        Files.createDirectories(OUT);
        Path page = OUT.resolve("no-bundle.html");
        Files.writeString(page, "<!DOCTYPE html><html><body>" + v.html() + "</body></html>");
        ProcessBuilder pb = new ProcessBuilder("node", "-e",
                "const {chromium}=require('playwright-core');(async()=>{const b=await chromium.launch({executablePath:'/usr/bin/chromium',"
                        + "args:['--no-sandbox','--disable-gpu','--disable-background-networking']});const p=await b.newPage();"
                        + "await p.goto('file://" + page.toAbsolutePath() + "');await p.waitForTimeout(4500);"
                        + "const img=await p.evaluate(()=>{const i=document.querySelector('.fv-fallback img');return i&&i.naturalWidth>0&&i.offsetWidth>0;});"
                        + "const msg=await p.evaluate(()=>document.querySelector('.fv-message').textContent);"
                        + "await p.screenshot({path:'" + OUT.resolve("no-bundle.png").toAbsolutePath() + "'});"
                        + "console.log(JSON.stringify({img,msg}));await b.close();})();");
        pb.environment().put("NODE_PATH", PEERS.toAbsolutePath().toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JsonNode r = new ObjectMapper().readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
        assertTrue(r.path("img").asBoolean(), "the static picture is not shown: " + out);
        assertTrue(r.path("msg").asText().contains("not loaded"), "no message about the missing script: " + out);
    }
}
