package frontier.magics;

/** A magic used as {@code %%name args} with the rest of the cell as its body. */
public interface CellMagic extends Magic {
    void setBody(String body);

    /** True when the magic is also usable as a line magic ({@code %name}). */
    default boolean isLineMagicToo() {
        return false;
    }
}
