package frontier.viewer;

import frontier.array.DType;
import frontier.array.NdArray;
import frontier.store.FileStore;
import frontier.zarr.ArrayMetadata;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ViewTest {

    @Test
    void bundleResourceIsBuiltAndCarriesTheMountFunction() {
        String js = ViewerBundle.source();
        assertTrue(js.length() > 5_000 && js.length() < 200_000, "bundle size " + js.length());
        assertTrue(js.contains("FrontierViewer"));
        assertTrue(js.contains("webgl2"));
        String tag = View.bundleScript();
        assertTrue(tag.startsWith("<script"));
        assertEquals(1, tag.split("(?i)</script>", -1).length - 1, "exactly one closing script tag");
    }

    @Test
    void mimeBundleHasHtmlPngAndText() throws Exception {
        VolumeView v = View.view(Volumes.balls(8, 8, 8, 2, 100, new int[]{4, 4, 4}), new ViewOptions().embedBundle(true));
        Map<String, Object> m = new ViewSession().bundle(v);
        assertTrue(((String) m.get("text/plain")).startsWith("View of uint16 array (1, 8, 8, 8)"), (String) m.get("text/plain"));
        String html = (String) m.get("text/html");
        assertTrue(html.contains("data-frontier-viewer-bundle"));
        assertTrue(html.contains("FrontierViewer"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) m.get("image/png"))));
        assertNotNull(img);
        assertEquals(256, img.getWidth());
    }

    @Test
    void theBundleIsEmbeddedOncePerSession() {
        NdArray a = Volumes.balls(4, 4, 4, 1, 9, new int[]{2, 2, 2});
        ViewSession session = new ViewSession(), other = new ViewSession();
        VolumeView first = View.view(a), second = View.view(a);
        assertFalse(session.isSent());
        String shownFirst = (String) session.bundle(first).get("text/html");
        assertTrue(session.isSent());
        String shownSecond = (String) session.bundle(second).get("text/html");
        assertTrue(shownFirst.contains("data-frontier-viewer-bundle"), "the first view shown carries the script");
        assertFalse(shownSecond.contains("data-frontier-viewer-bundle"));
        assertTrue(shownSecond.contains("FrontierViewerQueue"), "a later view waits for the bundle or falls back");
        assertTrue(((String) other.bundle(second).get("text/html")).contains("data-frontier-viewer-bundle"), "another session has not got it yet");
        assertTrue(((String) session.bundle(View.view(a, new ViewOptions().embedBundle(true))).get("text/html")).contains("data-frontier-viewer-bundle"),
                "a view that asks for the script carries it");
        assertFalse(((String) other.bundle(View.view(a, new ViewOptions().embedBundle(false))).get("text/html")).contains("data-frontier-viewer-bundle"));
        assertFalse(second.html().contains("data-frontier-viewer-bundle"), "html() leaves the script to the session");
        assertTrue(second.standalonePage().contains("data-frontier-viewer-bundle"), "a standalone page always has the bundle");
        session.reset();
        assertTrue(((String) session.bundle(second).get("text/html")).contains("data-frontier-viewer-bundle"), "after a reset the script is sent again");
        ViewSession pictures = new ViewSession();
        pictures.bundle(View.view(NdArray.zeros(DType.UINT8, 30, 50)));
        assertFalse(pictures.isSent(), "a 2-d picture needs no script and sends none");
    }

    @Test
    void voxelsAreEmbeddedAsBase64Bytes() {
        NdArray a = NdArray.zeros(DType.UINT8, 2, 2, 2);
        a.setDouble(7, 200);
        String html = View.view(a, new ViewOptions().embedBundle(false)).html();
        // 8 voxels: seven 0, one 255 (the range 0..200 mapped onto 0..255)
        String expected = Base64.getEncoder().encodeToString(new byte[]{0, 0, 0, 0, 0, 0, 0, (byte) 255});
        assertTrue(html.contains("\"data\":\"" + expected + "\""), html.substring(0, 400));
    }

    @Test
    void budgetDownsamplesAndSaysSo() {
        NdArray a = NdArray.zeros(DType.UINT16, 1, 40, 64, 64);
        VolumeView v = View.view(a, new ViewOptions().budgetBytes(20_000).embedBundle(false));
        assertTrue(v.text().contains("downsampled by (z 3, y 3, x 3) with mean pooling to fit the budget of 19.5 kB"), v.text());
        assertTrue(v.text().contains("shown as (c 1, z 14, y 22, x 22)"), v.text());
        assertTrue(v.html().contains("downsampled by"));
    }

    // ---- bad input: a message or a sensible picture, never an exception ----

    @Test
    void emptyArrayGivesAMessage() {
        VolumeView v = View.view(NdArray.zeros(DType.FLOAT32, 0, 10, 10));
        assertNull(v.png());
        assertTrue(v.text().contains("empty"), v.text());
        assertTrue(v.html().contains("empty"));
    }

    @Test
    void nonImagesGiveMessages() {
        assertTrue(View.view(null).text().contains("nothing to view"));
        assertTrue(View.view("hello").text().contains("view takes an NdArray"), View.view("hello").text());
        assertTrue(View.view(NdArray.zeros(DType.INT8, 5)).text().contains("not an image"));
        assertTrue(View.view(NdArray.zeros(DType.INT8)).text().contains("not an image"));
        assertTrue(View.view(NdArray.zeros(DType.INT8, 2, 2, 2, 2, 2, 2)).text().contains("more than 5 dimensions"));
        assertTrue(View.view(NdArray.zeros(DType.INT8, 3, 2, 2, 2, 2), new ViewOptions().t(5)).text().contains("time point 5"));
    }

    @Test
    void aChunkThatCannotBeReadGivesAMessage(@TempDir Path dir) throws Exception {
        ZarrArray a = Zarr.createArray(new FileStore(dir), "a", ArrayMetadata.builder(DType.UINT16, new long[]{4, 4, 4}, new int[]{2, 4, 4})
                .compressor(Map.of("id", "zlib", "level", 1)).build());
        a.write(NdArray.zeros(DType.UINT16, 4, 4, 4));
        Files.write(dir.resolve("a/1.0.0"), new byte[]{1, 2, 3});
        String text = View.view(a).text();
        assertTrue(text.startsWith("Cannot view this ZarrArray: "), text);
        assertTrue(text.contains("1.0.0"), "names the chunk at fault: " + text);
    }

    @Test
    void oneVoxelIsASmallPicture() throws Exception {
        NdArray a = NdArray.wrap(DType.FLOAT64, new double[]{3.5}, 1, 1, 1);
        VolumeView v = View.view(a);
        assertNotNull(v.png(), v.text());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(v.png()));
        assertEquals(256, img.getWidth());
        assertEquals(0xFFFFFF, img.getRGB(100, 100) & 0xffffff);
        assertTrue(v.text().contains("constant"), v.text());
    }

    @Test
    void twoDImageIsShownAsAnImage() throws Exception {
        NdArray a = NdArray.zeros(DType.UINT8, 30, 50);
        a.setDouble(a.flatIndex(10, 40), 255);
        VolumeView v = View.view(a);
        assertTrue(v.text().startsWith("Image of"), v.text());
        assertTrue(v.html().contains("frontier-view-image"));
        assertFalse(v.html().contains("FrontierViewer"), "no 3D viewer for a picture");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(v.png()));
        int k = img.getWidth() / 50;
        assertEquals(0xFFFFFF, img.getRGB(40 * k, 10 * k) & 0xffffff);
        assertEquals(0, img.getRGB(10 * k, 10 * k) & 0xffffff);
    }

    @Test
    void nanAndConstantVolumesSaySo() {
        float[] d = new float[27];
        java.util.Arrays.fill(d, Float.NaN);
        d[13] = 1;
        VolumeView v = View.view(NdArray.wrap(DType.FLOAT32, d, 3, 3, 3));
        assertNotNull(v.png());
        assertTrue(v.text().contains("26 voxels are NaN"), v.text());
        java.util.Arrays.fill(d, Float.NaN);
        assertTrue(View.view(NdArray.wrap(DType.FLOAT32, d, 3, 3, 3)).text().contains("every voxel is NaN"));
        assertTrue(View.view(NdArray.zeros(DType.INT16, 4, 4, 4)).text().contains("every voxel is 0 (constant)"));
    }

    @Test
    void fiveDimensionalImagesPickATimePoint() {
        NdArray a = NdArray.zeros(DType.UINT16, 3, 2, 4, 4, 4);
        a.setDouble(a.flatIndex(2, 1, 1, 1, 1), 10);
        VolumeView v = View.view(a, new ViewOptions().t(2).embedBundle(false));
        assertTrue(v.text().contains("t=2 of 3"), v.text());
        assertTrue(v.text().contains("shown as (c 2, z 4, y 4, x 4)"), v.text());
        assertFalse(v.text().contains("channel 1: every voxel"), "the t=2 time point was read: " + v.text());
    }
}
