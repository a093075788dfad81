package frontier.kernel;

import frontier.display.Displayable;
import frontier.kernel.display.DisplayHost;
import frontier.kernel.display.RendererRegistry;

import java.util.Map;
import java.util.UUID;

/**
 * Display from cells: {@code display(obj)} shows a value now through the renderer registry;
 * {@code display(obj, id)} gives it an id whose handle's update(obj) replaces it in place.
 * Outside a kernel, values print as text.
 */
public final class Display {
    private static volatile DisplayHost host;

    private Display() {
    }

    /** Installed by the kernel. */
    public static void setHost(DisplayHost h) {
        host = h;
    }

    public static DisplayHandle display(Object value) {
        return display(value, UUID.randomUUID().toString());
    }

    public static DisplayHandle display(Object value, String id) {
        Map<String, Object> bundle = RendererRegistry.global().render(value);
        DisplayHost h = host;
        if (h == null) {
            System.out.println(bundle.get("text/plain"));
        } else {
            h.show(bundle, id, false);
        }
        return new DisplayHandle(id);
    }

    static void update(Object value, String id) {
        Map<String, Object> bundle = RendererRegistry.global().render(value);
        DisplayHost h = host;
        if (h == null) {
            System.out.println(bundle.get("text/plain"));
        } else {
            h.show(bundle, id, true);
        }
    }

    /** Clears the cell's output (wait: only when new output arrives, to avoid flicker). */
    public static void clearOutput(boolean wait) {
        DisplayHost h = host;
        if (h != null) {
            h.clearOutput(wait);
        }
    }

    public static void clearOutput() {
        clearOutput(false);
    }

    /** Markup to show as HTML: {@code display(html("<b>hi</b>"))}. */
    public static Displayable html(String html) {
        return bundleOf("text/html", html, html);
    }

    public static Displayable markdown(String markdown) {
        return bundleOf("text/markdown", markdown, markdown);
    }

    public static Displayable svg(String svg) {
        return bundleOf("image/svg+xml", svg, "SVG image");
    }

    private static Displayable bundleOf(String mime, String data, String text) {
        return new Displayable() {
            @Override
            public Map<String, Object> mimeBundle() {
                return Map.of(mime, data, "text/plain", text);
            }

            @Override
            public String toString() {
                return text;
            }
        };
    }
}
