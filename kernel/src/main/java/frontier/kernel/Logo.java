package frontier.kernel;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** The kernel's logo, drawn with Java2D: a coffee-brown tile with a white frontier ridge line. */
final class Logo {
    private Logo() {
    }

    static void write(Path file, int size) throws IOException {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x8B, 0x4A, 0x1C));
        int arc = size / 4;
        g.fillRoundRect(0, 0, size, size, arc, arc);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(Math.max(2f, size / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D ridge = new Path2D.Float();
        float s = size;
        ridge.moveTo(s * 0.12, s * 0.72);
        ridge.lineTo(s * 0.38, s * 0.36);
        ridge.lineTo(s * 0.55, s * 0.58);
        ridge.lineTo(s * 0.70, s * 0.42);
        ridge.lineTo(s * 0.88, s * 0.72);
        g.draw(ridge);
        g.fillOval((int) (s * 0.62), (int) (s * 0.14), (int) (s * 0.16), (int) (s * 0.16));
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
