package frontier.viewer;

import frontier.array.NdArray;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.*;

class MipRendererTest {

    @Test
    void projectionShowsEachChannelInItsColorWhereItIs() throws Exception {
        NdArray vol = Volumes.balls(20, 30, 40, 2, 900, new int[]{3, 5, 30}, new int[]{15, 25, 8});
        VolumeView v = View.view(vol, new ViewOptions().embedBundle(false)
                .channel(0, "FF0000", null, null).channel(1, "0000FF", null, null));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(v.png()));
        // 40 wide -> enlarged 6x to 240 x 180
        assertEquals(240, img.getWidth());
        assertEquals(180, img.getHeight());
        int k = 6;
        assertEquals(0xFF0000, img.getRGB(30 * k + 2, 5 * k + 2) & 0xffffff, "red ball centre (y 5, x 30)");
        assertEquals(0x0000FF, img.getRGB(8 * k + 2, 25 * k + 2) & 0xffffff, "blue ball centre (y 25, x 8)");
        assertEquals(0x000000, img.getRGB(20 * k, 15 * k) & 0xffffff, "background");
        assertEquals(0x000000, img.getRGB(30 * k + 2, 25 * k + 2) & 0xffffff);
    }

    @Test
    void windowsDecideBrightness() throws Exception {
        NdArray vol = Volumes.balls(4, 4, 4, 0, 1000, new int[]{1, 1, 1});
        vol.setDouble(vol.flatIndex(0, 2, 2, 2), 500);
        // window 0..500: the 500 voxel is already full white, as is the 1000 one
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(View.view(vol, new ViewOptions().embedBundle(false)
                .channel(0, null, 0.0, 500.0)).png()));
        int k = img.getWidth() / 4;
        assertEquals(0xFFFFFF, img.getRGB(2 * k, 2 * k) & 0xffffff);
        assertEquals(0xFFFFFF, img.getRGB(k, k) & 0xffffff);
        // default window (the data range): the 500 voxel is mid grey (127 or 128)
        img = ImageIO.read(new ByteArrayInputStream(View.view(vol, new ViewOptions().embedBundle(false)).png()));
        int g = img.getRGB(2 * k, 2 * k) & 0xff;
        assertTrue(g >= 126 && g <= 129, "grey " + g);
    }

    @Test
    void colormapAppliesToTheProjection() throws Exception {
        NdArray vol = Volumes.balls(4, 4, 4, 0, 1000, new int[]{1, 1, 1});
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(View.view(vol, new ViewOptions().embedBundle(false).colormap("viridis")).png()));
        int k = img.getWidth() / 4;
        assertEquals(Colormaps.lut("viridis")[255], img.getRGB(k, k) & 0xffffff);
        assertEquals(Colormaps.lut("viridis")[0], img.getRGB(3 * k, 3 * k) & 0xffffff);
        assertEquals(0xFDE725, Colormaps.lut("viridis")[255]);
    }
}
