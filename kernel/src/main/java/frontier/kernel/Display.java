package frontier.kernel;

import frontier.display.Displayable;
import frontier.kernel.display.RendererRegistry;
import frontier.kernel.eval.JavaEvaluator;

import java.util.Map;
import java.util.UUID;

/**
 * Display from cells: {@code display(obj)} shows a value now through the session's renderers;
 * {@code display(obj, id)} gives it an id whose handle's update(obj) replaces it in place.
 * The session is the one whose code calls (no static state); outside a kernel, values print
 * as text.
 */
public final class Display {
    private Display() {
    }

    public static DisplayHandle display(Object value) {
        return display(value, UUID.randomUUID().toString());
    }

    public static DisplayHandle display(Object value, String id) {
        Kernel kernel = JavaEvaluator.callerService(Kernel.class);
        if (kernel == null) {
            System.out.println(RendererRegistry.withBuiltins().render(value).get("text/plain"));
        } else {
            kernel.show(value, id, false);
        }
        return new DisplayHandle(kernel, id);
    }

    /** Clears the cell's output (wait: only when new output arrives, to avoid flicker). */
    public static void clearOutput(boolean wait) {
        Kernel kernel = JavaEvaluator.callerService(Kernel.class);
        if (kernel != null) {
            kernel.clearOutput(wait);
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
