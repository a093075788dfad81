package frontier.ome;

/** The location holds neither a .zgroup nor a .zarray (ome-zarr-py: "not a zarr"). */
public class NotAZarrException extends OmeException {
    private final String location;

    public NotAZarrException(String location, String why) {
        super("not a zarr: " + location + (why == null || why.isEmpty() ? "" : " (" + why + ")"));
        this.location = location;
    }

    public String location() {
        return location;
    }
}
