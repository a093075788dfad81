package frontier.viewer;

/**
 * How one channel is shown: name, RGB color (0..1 each) and a display window in the data's
 * units (values at or below {@code start} are black, at or above {@code end} full color).
 * A null window means "choose from the data" (0.1 and 99.9 percentiles).
 */
public record ChannelStyle(String name, float[] rgb, Double start, Double end, boolean visible) {

    /** Parses "FF00FF" / "#ff00ff" into 0..1 RGB; null or malformed gives null. */
    public static float[] parseHex(String hex) {
        if (hex == null) return null;
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (h.length() != 6) return null;
        try {
            int v = Integer.parseInt(h, 16);
            return new float[]{((v >> 16) & 255) / 255f, ((v >> 8) & 255) / 255f, (v & 255) / 255f};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String toHex(float[] rgb) {
        return String.format("%02X%02X%02X", Math.round(rgb[0] * 255), Math.round(rgb[1] * 255), Math.round(rgb[2] * 255));
    }

    /** Default colors: one channel white; several: green, magenta, cyan, yellow, red, blue. */
    static float[] defaultColor(int channel, int channels) {
        if (channels == 1) return new float[]{1, 1, 1};
        float[][] palette = {{0, 1, 0}, {1, 0, 1}, {0, 1, 1}, {1, 1, 0}, {1, 0, 0}, {0, 0, 1}};
        return palette[channel % palette.length].clone();
    }
}
