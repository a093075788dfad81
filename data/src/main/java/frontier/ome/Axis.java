package frontier.ome;

/** One axis of a multiscale image: NGFF 0.3 gives names only, 0.4 objects with a type and maybe a unit. */
public record Axis(String name, String type, String unit) {
    /** The type ome-zarr-py infers for a bare name (0.1 to 0.3). */
    static String knownType(String name) {
        return switch (name) {
            case "x", "y", "z" -> "space";
            case "c" -> "channel";
            case "t" -> "time";
            default -> null;
        };
    }

    static Axis ofName(String name) {
        return new Axis(name, knownType(name), null);
    }

    @Override
    public String toString() {
        return name + (unit != null ? " (" + unit + ")" : "");
    }
}
