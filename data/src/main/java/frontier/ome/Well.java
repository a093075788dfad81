package frontier.ome;

import java.util.List;

/** {@code well}: the field images of one well. */
public record Well(String version, List<Image> images) {
    public record Image(String path, Object acquisition) {
    }
}
