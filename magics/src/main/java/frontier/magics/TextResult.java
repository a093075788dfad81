package frontier.magics;

/**
 * A plain-text result (a usage text, a listing): shown as its text as-is, without the quotes
 * a String result would get.
 */
public record TextResult(String text) {
    @Override
    public String toString() {
        return text;
    }
}
