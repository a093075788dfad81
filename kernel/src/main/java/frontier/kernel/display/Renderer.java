package frontier.kernel.display;

import java.util.Map;

/** Adds the MIME forms of a value to a bundle ("text/html" -> html, "image/png" -> base64, ...). */
@FunctionalInterface
public interface Renderer<T> {
    void render(T value, Map<String, Object> bundle);
}
