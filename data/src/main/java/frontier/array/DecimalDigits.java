package frontier.array;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal digits that read back as the same value (Python's repr, numpy's
 * "unique" Dragon4 mode), for float64, float32 and float16. Value = 0 or
 * d.ddd x 10^exponent with digits "dddd" (no trailing zeros, "0" for zero).
 */
public final class DecimalDigits {
    private final boolean negative;
    private final String digits;
    private final int exponent;

    private DecimalDigits(boolean negative, String digits, int exponent) {
        this.negative = negative;
        this.digits = digits;
        this.exponent = exponent;
    }

    public boolean negative() {
        return negative;
    }

    public String digits() {
        return digits;
    }

    /** The scientific exponent: the value is digits[0].digits[1..] x 10^exponent. */
    public int exponent() {
        return exponent;
    }

    public static DecimalDigits shortest(double d) {
        return shortest(d, 64);
    }

    /** bits: 64, 32 or 16, the precision whose values must round-trip. */
    public static DecimalDigits shortest(double d, int bits) {
        boolean neg = Double.doubleToRawLongBits(d) < 0;
        double a = Math.abs(d);
        if (a == 0) return new DecimalDigits(neg, "0", 0);
        BigDecimal exact = new BigDecimal(a);
        int maxDigits = bits == 64 ? 17 : bits == 32 ? 9 : 5;
        BigDecimal r = null;
        for (int p = 1; p <= maxDigits; p++) {
            r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (roundTrips(r, a, bits)) break;
        }
        return of(neg, r);
    }

    private static boolean roundTrips(BigDecimal r, double a, int bits) {
        double back = Double.parseDouble(r.toString());
        if (bits == 64) return back == a;
        if (bits == 32) return (float) back == (float) a;
        return Half.fromFloat((float) back) == Half.fromFloat((float) a);
    }

    private static DecimalDigits of(boolean neg, BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        int exp = digits.length() - 1 - s.scale();
        return new DecimalDigits(neg, digits, exp);
    }

    /** The value rounded (half-even, of the exact binary value) to at most fracDigits digits after the point. */
    public static DecimalDigits roundedFraction(double d, int fracDigits) {
        boolean neg = Double.doubleToRawLongBits(d) < 0;
        BigDecimal r = new BigDecimal(Math.abs(d)).setScale(fracDigits, RoundingMode.HALF_EVEN);
        if (r.signum() == 0) return new DecimalDigits(neg, "0", 0);
        return of(neg, r);
    }

    /** The value rounded to at most sigDigits significant digits. */
    public static DecimalDigits roundedSignificant(double d, int sigDigits) {
        boolean neg = Double.doubleToRawLongBits(d) < 0;
        double a = Math.abs(d);
        if (a == 0) return new DecimalDigits(neg, "0", 0);
        return of(neg, new BigDecimal(a).round(new MathContext(sigDigits, RoundingMode.HALF_EVEN)));
    }

    /** Number of digits after the decimal point in positional notation. */
    public int fractionDigits() {
        return Math.max(0, digits.length() - 1 - exponent);
    }

    /**
     * Python's repr of a float with the shortest digits that round-trip at that many bits (64 for
     * a Python float, 32 or 16 for numpy's float32 and float16 scalars): "0.1", "1e-05", "1.5e+16",
     * "nan", "-inf". Without dotZero an integral value has no ".0" (as in a complex's parts: (1+2j)).
     */
    public static String pythonRepr(double d, int bits, boolean dotZero) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        DecimalDigits dd = shortest(d, bits);
        String sign = dd.negative() ? "-" : "";
        String digits = dd.digits();
        int exp = dd.exponent();
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String e = Integer.toString(Math.abs(exp));
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
        }
        String p = positional(digits, exp, dotZero);
        return sign + (p.endsWith(".") ? p.substring(0, p.length() - 1) : p);
    }

    /**
     * Positional text of digits x 10^exponent without sign: "123.45", "0.001", "100.".
     * pointZero: write "100.0" (Python) instead of "100." (numpy).
     */
    public static String positional(String digits, int exp, boolean pointZero) {
        StringBuilder sb = new StringBuilder();
        if (exp < 0) {
            sb.append("0.");
            for (int i = 0; i < -exp - 1; i++) sb.append('0');
            sb.append(digits);
        } else if (digits.length() <= exp + 1) {
            sb.append(digits);
            for (int i = digits.length(); i < exp + 1; i++) sb.append('0');
            sb.append(pointZero ? ".0" : ".");
        } else {
            sb.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return sb.toString();
    }
}
