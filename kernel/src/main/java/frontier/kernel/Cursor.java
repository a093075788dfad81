package frontier.kernel;

/** Jupyter counts cursor positions in Unicode code points; Java strings in UTF-16 units. */
final class Cursor {
    private Cursor() {
    }

    static int toCharIndex(String s, int codePoints) {
        int cps = s.codePointCount(0, s.length());
        return s.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, cps)));
    }

    static int toCodePoints(String s, int charIndex) {
        return s.codePointCount(0, Math.max(0, Math.min(charIndex, s.length())));
    }
}
