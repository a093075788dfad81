package frontier.kernel;

import frontier.kernel.display.RendererRegistry;

/** A shown output that can be replaced in place (update_display_data on its display id). */
public final class DisplayHandle {
    private final Kernel kernel;
    private final String id;

    DisplayHandle(Kernel kernel, String id) {
        this.kernel = kernel;
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Replaces the output everywhere this id is shown. */
    public void update(Object value) {
        if (kernel == null) {
            System.out.println(RendererRegistry.withBuiltins().render(value).get("text/plain"));
        } else {
            kernel.show(value, id, true);
        }
    }

    @Override
    public String toString() {
        return "DisplayHandle[" + id + "]";
    }
}
