package frontier.ome;

import java.util.List;

/** A scale, translation or identity transform (NGFF 0.4); values may come from a file ({@code path}) instead. */
public record CoordinateTransformation(String type, List<Double> scale, List<Double> translation, String path) {
}
