package frontier.sample;

import frontier.ipfs.blockstore.FileBlockStore;
import frontier.ipfs.fetch.BlockVerificationException;
import frontier.ipfs.importer.ImportOptions;
import frontier.ipfs.importer.Importer;
import frontier.ipfs.node.IpfsNode;
import frontier.progress.ProgressSink;
import frontier.store.FileStore;
import frontier.zarr.Zarr;
import frontier.zarr.ZarrArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifiability lesson of the tutorial: a lying gateway is caught, an honest one is not. */
class TamperingGatewayTest {
    @TempDir
    Path tmp;

    @Test
    void aVerifyingReaderCatchesTheLieAndReadsTheTruthFromAnHonestGateway() throws Exception {
        Path image = tmp.resolve("img/6001240.zarr");
        SampleImage.write(new FileStore(image), new int[]{1, 2, 4, 20, 18});
        IpfsNode source = IpfsNode.at(tmp.resolve("source-blocks"));
        String cid = addTree(source, image);
        String honest = source.startGateway();
        try (TamperingGateway liar = TamperingGateway.start(honest)) {
            IpfsNode fooled = IpfsNode.create(new FileBlockStore(tmp.resolve("w1")),
                    IpfsNode.Options.defaults().withDaemon(false).withGateways(List.of(liar.url())).withTimeout(Duration.ofSeconds(10)));
            Exception e = assertThrows(Exception.class, () -> Zarr.open("ipfs://" + cid + "/6001240.zarr", frontier.store.StoreOptions.defaults().withIpfs(fooled.reader())).get("0").read());
            Throwable t = e;
            while (t != null && !(t instanceof BlockVerificationException)) t = t.getCause();
            assertTrue(t != null, "the error is a BlockVerificationException: " + e);
            assertTrue(t.getMessage().contains(liar.url()), t.getMessage());
            assertTrue(liar.tamperedResponses() > 0);

            IpfsNode honestWorker = IpfsNode.create(new FileBlockStore(tmp.resolve("w2")),
                    IpfsNode.Options.defaults().withDaemon(false).withGateways(List.of(honest)));
            ZarrArray a = Zarr.open("ipfs://" + cid + "/6001240.zarr", frontier.store.StoreOptions.defaults().withIpfs(honestWorker.reader())).get("0");
            assertEquals(Zarr.open(image).get("0").read(), a.read());
        }
    }

    /** The tutorial's add: -r --hidden -s size-1000000 --raw-leaves --cid-version 1 -w. */
    private static String addTree(IpfsNode node, Path dir) {
        ImportOptions o = new ImportOptions();
        o.chunker = "size-1000000";
        o.recursive = true;
        o.hidden = true;
        o.rawLeaves = true;
        o.cidVersion = 1;
        o.wrap = true;
        Importer importer = new Importer(o, node.blocks()::put, dir.getParent());
        return importer.add(List.of(dir), dir.getParent(), ProgressSink.NONE).root().toString();
    }
}
