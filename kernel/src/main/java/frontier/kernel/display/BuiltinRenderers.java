package frontier.kernel.display;

import frontier.array.ChunkedArray;
import frontier.array.NdArray;
import frontier.array.NdArrayFormat;
import frontier.display.Displayable;
import frontier.display.array.ArrayHtml;
import frontier.display.ome.DownloadReportHtml;
import frontier.display.ome.OmeInfoHtml;
import frontier.display.zarr.ZarrHtml;
import frontier.ome.DownloadReport;
import frontier.ome.OmeInfo;
import frontier.viewer.ViewSession;
import frontier.viewer.VolumeView;
import frontier.zarr.ZarrArray;
import frontier.zarr.ZarrGroup;
import frontier.zarr.ZarrInfo;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The renderers every session starts with: the data library's values (their rich forms are the
 * display module's), views (with the session's record of the viewer script sent), images.
 */
final class BuiltinRenderers {
    private BuiltinRenderers() {
    }

    static RendererRegistry install(RendererRegistry r) {
        r.register(Displayable.class, RendererRegistry::renderDisplayable);
        r.register(ChunkedArray.class, ArrayHtml::render);
        r.register(ZarrArray.class, ZarrHtml::array);
        r.register(ZarrGroup.class, ZarrHtml::group);
        r.register(ZarrInfo.class, ZarrHtml::info);
        r.register(OmeInfo.class, OmeInfoHtml::render);
        r.register(DownloadReport.class, DownloadReportHtml::render);
        r.register(VolumeView.class, new ViewSession()::render);
        r.register(BufferedImage.class, BuiltinRenderers::png);
        // a 0-d result (a reduction's compute()) shows as the scalar Dask's compute() returns
        r.register(NdArray.class, (a, bundle) -> {
            if (a.ndim() == 0) {
                bundle.put("text/plain", NdArrayFormat.scalar(a));
            }
        });
        try {
            Class.forName("tech.tablesaw.api.Table", false, BuiltinRenderers.class.getClassLoader());
            r.register(tech.tablesaw.api.Table.class, TableRenderer::render);
        } catch (ClassNotFoundException | LinkageError e) {
            // tablesaw absent: tables print as text
        }
        return r;
    }

    static void png(BufferedImage img, java.util.Map<String, Object> bundle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundle.put("image/png", Base64.getEncoder().encodeToString(out.toByteArray()));
        bundle.put("text/plain", "BufferedImage " + img.getWidth() + "x" + img.getHeight());
    }
}
