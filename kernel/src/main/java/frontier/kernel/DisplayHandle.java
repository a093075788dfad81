package frontier.kernel;

/** A shown output that can be replaced in place (update_display_data on its display id). */
public final class DisplayHandle {
    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Replaces the output everywhere this id is shown. */
    public void update(Object value) {
        Display.update(value, id);
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
