package frontier.ome;

import java.util.List;

/** One pyramid level: the path of its array under the image group and its transforms (0.4). */
public record Dataset(String path, List<CoordinateTransformation> coordinateTransformations) {
}
