package frontier.ome;

import java.util.List;
import java.util.Map;

/** {@code image-label}: a label image's colors per value, per-label properties, and its source image. */
public record ImageLabel(String version, List<LabelColor> colors, List<Map<String, Object>> properties, String sourceImage) {

    /** rgba components 0..255; null when the color has none. */
    public record LabelColor(Object labelValue, List<Integer> rgba) {
    }
}
