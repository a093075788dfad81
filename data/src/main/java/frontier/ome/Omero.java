package frontier.ome;

import java.util.List;

/** The transitional {@code omero} block: channel names, colors and display windows, rendering defaults. */
public record Omero(Object id, String name, String version, List<Channel> channels, RenderingDefaults rdefs) {

    public record Channel(String label, String color, Boolean active, Window window, String family,
                          Double coefficient, Boolean inverted) {
        /** The color as CSS ("#0000FF"), or null. */
        public String cssColor() {
            return color != null && color.matches("[0-9A-Fa-f]{6}") ? "#" + color.toUpperCase(java.util.Locale.ROOT) : null;
        }
    }

    public record Window(Double start, Double end, Double min, Double max) {
    }

    public record RenderingDefaults(Integer defaultT, Integer defaultZ, String model) {
    }
}
