package frontier.magics.ipfs;

import frontier.ipfs.node.IpfsNode;
import frontier.magics.Magic;
import frontier.magics.MagicContext;
import picocli.CommandLine.Command;

import java.io.IOException;

/** {@code ipfs gateway}: starts the embedded node's trustless + path gateway on 127.0.0.1 and prints its URL. */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = "Serve the embedded node's blocks on 127.0.0.1 (trustless gateway: ?format=raw|car; path gateway: /ipfs/CID/path).")
public final class IpfsGatewayCommand implements Magic {
    @Override
    public void setContext(MagicContext context) {
    }

    @Override
    public Object call() {
        IpfsNode n = IpfsNode.embedded();
        String url;
        try {
            url = n.startGateway();
        } catch (IOException e) {
            throw IpfsCommands.fail(e);
        }
        String text = url + "\nnode: embedded (block store " + n.root() + ")";
        String html = "<div>IPFS gateway at <a href=\"" + frontier.text.Html.escape(url) + "/ipfs/\" target=\"_blank\"><code>" + frontier.text.Html.escape(url)
                + "</code></a> (try <code>/ipfs/CID/path</code>, <code>?format=raw</code>, <code>?format=car</code>)</div>"
                + "<div style=\"font-size:12px;color:#666\">node: embedded (block store " + frontier.text.Html.escape(String.valueOf(n.root())) + ")</div>";
        return new IpfsResult(text, html);
    }
}
