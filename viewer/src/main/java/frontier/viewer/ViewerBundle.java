package frontier.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The viewer's JavaScript, built by esbuild during the Maven build (viewer/package.json) into
 * the jar as {@value #RESOURCE}. Never committed.
 */
public final class ViewerBundle {
    public static final String RESOURCE = "/frontier/viewer/frontier-viewer.js";
    private static volatile String cached; // process-wide: the jar's resource, the same for every session

    private ViewerBundle() {
    }

    /** The bundle's source text. */
    public static String source() {
        String s = cached;
        if (s != null) return s;
        try (InputStream in = ViewerBundle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the viewer bundle " + RESOURCE + " is missing from the classpath:"
                        + " build the viewer module with Maven (it runs npm ci and esbuild in generate-resources)");
            }
            s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cached = s;
        return s;
    }

    /** The bundle as a script element, safe inside HTML (no early end tag). */
    public static String scriptTag() {
        return "<script data-frontier-viewer-bundle=\"1\">" + source().replaceAll("(?i)</script", "<\\\\/script") + "</script>";
    }
}
