package frontier.ome;

import frontier.store.StoreOptions;
import frontier.store.s3.MotoServer;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * An OME-Zarr image in an S3 bucket, read anonymously as IDR's public buckets are: zarr-python's
 * tiny fixture (tools/make_ome_zarr.py) uploaded to a real S3-compatible server on loopback
 * (moto, {@link MotoServer}), then info, download, Zarr.open and stat over s3://.
 */
class S3OmeTest {
    static Path local;
    static String url = "s3://idr/zarr/v0.1/6001240.zarr";
    static StoreOptions at;

    @BeforeAll
    static void upload() throws Exception {
        local = Fixtures.make("6001240.zarr", "--size", "tiny");
        MotoServer s3 = MotoServer.shared();
        s3.bucket("idr", "--public", "--upload", local.toString(), "zarr/v0.1/6001240.zarr/");
        at = StoreOptions.defaults().withEndpoint(s3.endpoint());
    }

    @Test
    void infoReadsTheSameNodesAsFromAFolder() throws Exception {
        OmeInfo remote = OmeZarr.info(url, false, at);
        OmeInfo folder = OmeZarr.info(local.toString());
        String r = remote.text().replace(url + "/", "ROOT/");
        String f = folder.text().replace(local.toString(), "ROOT");
        assertEquals(f.lines().filter(l -> !l.startsWith("ROOT")).toList(), r.lines().filter(l -> !l.startsWith("ROOT")).toList(), r);
        assertTrue(r.contains("ROOT/ [zgroup]") && r.contains("ROOT/labels/0/ [zgroup]"), r);
        assertTrue(remote.requests() > 0);
    }

    @Test
    void downloadCopiesEveryFileByteForByte(@TempDir Path out) throws Exception {
        DownloadReport r = new OmeDownload(url, out).storeOptions(at).run();
        assertEquals(Fixtures.tree(local), Fixtures.tree(out.resolve("6001240.zarr")), "same files, same bytes (labels and masks too)");
        assertEquals(Fixtures.tree(local).size(), r.filesWritten());
        DownloadReport again = new OmeDownload(url, out).storeOptions(at).run();
        assertEquals(0, again.filesWritten(), "a second run finds everything present");
    }

    @Test
    void zarrOpensAndStatsTheBucketAsTheFolder() throws Exception {
        ZarrGroup g = Zarr.open(url, at);
        assertEquals(Zarr.open(local).get("0").read(), g.get("0").read());
        assertTrue(g.keys().containsAll(List.of("0", "1", "labels")), g.keys().toString());
        List<String> remote = ZarrStat.stat(url, null, at).stream().map(ArrayStats::toJsonLine).toList();
        List<String> folder = ZarrStat.stat(local.toString(), null).stream().map(ArrayStats::toJsonLine).toList();
        assertEquals(folder, remote);
        assertFalse(remote.isEmpty());
    }
}
