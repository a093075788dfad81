package frontier.magics.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** IPython's _format_time: "1.23 ms", "456 µs", "12 ns", "1min 3s" (3 significant digits by default). */
public final class TimeFormat {
    private static final String[] UNITS = {"s", "ms", "\u00b5s", "ns"};
    private static final double[] SCALING = {1, 1e3, 1e6, 1e9};

    private TimeFormat() {
    }

    public static String format(double seconds) {
        return format(seconds, 3);
    }

    public static String format(double seconds, int precision) {
        if (seconds >= 60.0) {
            String[] suffixes = {"d", "h", "min", "s"};
            long[] lengths = {86400, 3600, 60, 1};
            StringBuilder b = new StringBuilder();
            double leftover = seconds;
            for (int i = 0; i < suffixes.length; i++) {
                long value = (long) (leftover / lengths[i]);
                if (value > 0) {
                    leftover = leftover % lengths[i];
                    if (b.length() > 0) {
                        b.append(' ');
                    }
                    b.append(value).append(suffixes[i]);
                }
                if (leftover < 1) {
                    break;
                }
            }
            return b.toString();
        }
        int order = seconds > 0.0 ? Math.min(-(int) Math.floor(Math.floor(Math.log10(seconds)) / 3), 3) : 3;
        return g(seconds * SCALING[order], precision) + " " + UNITS[order];
    }

    /** C's "%.{p}g": p significant digits, trailing zeros dropped, exponent form when out of range. */
    static String g(double value, int precision) {
        if (value == 0) {
            return "0";
        }
        int p = Math.max(precision, 1);
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= p) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String e = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
            return mantissa.toPlainString() + "e" + e;
        }
        String s = rounded.stripTrailingZeros().toPlainString();
        return s;
    }
}
