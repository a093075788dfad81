package frontier.kernel.display;

import frontier.array.ChunkedArray;
import frontier.array.NdArray;
import frontier.array.NdArrayFormat;
import frontier.display.Displayable;
import frontier.display.array.ArrayHtml;
import frontier.display.magics.core.ClasspathListingHtml;
import frontier.display.magics.core.DirectoryListingHtml;
import frontier.display.magics.core.FileTextHtml;
import frontier.display.magics.core.MagicListingJson;
import frontier.display.magics.core.ResolvedArtifactsHtml;
import frontier.display.magics.ipfs.IpfsHtml;
import frontier.display.magics.ome.OmeValidateJson;
import frontier.display.ome.DownloadReportHtml;
import frontier.display.ome.OmeInfoHtml;
import frontier.display.zarr.ZarrHtml;
import frontier.magics.core.ClasspathListing;
import frontier.magics.core.DirectoryListing;
import frontier.magics.core.FileText;
import frontier.magics.core.MagicListing;
import frontier.magics.core.ResolvedArtifacts;
import frontier.magics.ipfs.IpfsAddResult;
import frontier.magics.ipfs.IpfsCatResult;
import frontier.magics.ipfs.IpfsGatewayResult;
import frontier.magics.ipfs.IpfsLsResult;
import frontier.magics.ipfs.IpfsResult;
import frontier.magics.ipfs.IpfsVerifyResult;
import frontier.magics.ome.OmeValidateResult;
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
 * The renderers every session starts with: the data library's values and the magics' results
 * (their rich forms are the display module's), views (with the session's record of the viewer
 * script sent), images.
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
        r.register(DirectoryListing.class, DirectoryListingHtml::render);
        r.register(FileText.class, FileTextHtml::render);
        r.register(ClasspathListing.class, ClasspathListingHtml::render);
        r.register(ResolvedArtifacts.class, ResolvedArtifactsHtml::render);
        r.register(MagicListing.class, MagicListingJson::render);
        r.register(OmeValidateResult.class, OmeValidateJson::render);
        r.register(IpfsAddResult.class, IpfsHtml::add);
        r.register(IpfsCatResult.class, IpfsHtml::cat);
        r.register(IpfsLsResult.class, IpfsHtml::ls);
        r.register(IpfsGatewayResult.class, IpfsHtml::gateway);
        r.register(IpfsVerifyResult.class, IpfsHtml::verify);
        r.register(IpfsResult.class, IpfsHtml::text);
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
