package frontier.ome;

import java.util.List;
import java.util.Map;

/** One entry of {@code multiscales}: the pyramid's datasets, highest resolution first. */
public record Multiscale(String version, String name, List<Axis> axes, List<Dataset> datasets,
                         List<CoordinateTransformation> coordinateTransformations, String type,
                         Map<String, Object> metadata) {
    public List<String> axisNames() {
        return axes.stream().map(Axis::name).toList();
    }
}
