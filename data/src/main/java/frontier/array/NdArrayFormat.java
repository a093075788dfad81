package frontier.array;

import frontier.text.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * numpy's repr of arrays, character for character (numpy 1.24 defaults: threshold 1000,
 * edgeitems 3, linewidth 75, precision 8, floatmode "maxprec", sign "-"): summarized with
 * "...", columns aligned from the printed elements only, floats in numpy's shortest form
 * ("0. ", "0.5", "1.e-05", "nan"), and a "dtype=" suffix for dtypes numpy does not imply.
 */
public final class NdArrayFormat {
    static final int THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;
    static final int LINE_WIDTH = 75;
    static final int PRECISION = 8;

    private NdArrayFormat() {
    }

    /** Formats one element given its flat index. */
    private interface ElementFormat {
        String format(int flat);
    }

    public static String repr(NdArray a) {
        int[] shape = a.shape();
        DType dt = a.dtype();
        boolean skipDtype = implied(dt) && a.size() > 0;
        String prefix = "array(";
        String suffix = skipDtype ? ")" : ",";
        String lst;
        if (a.size() > 0 || (shape.length == 1 && shape[0] == 0)) {
            lst = a.size() == 0 ? "[]" : array2string(a, prefix, LINE_WIDTH - suffix.length());
        } else {
            lst = "[], shape=" + PythonText.tuple(shape);
        }
        String arrStr = prefix + lst + suffix;
        if (skipDtype) return arrStr;
        String dtypeStr = "dtype=" + dt.numpyName() + ")";
        int lastLineLen = arrStr.length() - (arrStr.lastIndexOf('\n') + 1);
        String spacer = " ";
        if (lastLineLen + dtypeStr.length() + 1 > LINE_WIDTH) spacer = "\n" + " ".repeat(prefix.length());
        return arrStr + spacer + dtypeStr;
    }

    /** numpy's str(): the elements without "array(" and dtype. */
    public static String str(NdArray a) {
        if (a.size() == 0) return "[]";
        return array2string(a, "", LINE_WIDTH);
    }

    /**
     * numpy's repr of the scalar a 0-d array holds (numpy 1.24), which is what Dask's compute()
     * of a reduction returns and a notebook shows: {@code 22.993712255859375}, {@code 2456},
     * {@code True}, {@code 1e-05}, {@code (1+2j)}; floats in Python's shortest form for the
     * dtype's precision.
     */
    public static String scalar(NdArray a) {
        if (a.ndim() != 0) {
            throw new IllegalArgumentException("not a 0-d array: shape " + PythonText.tuple(a.shape()));
        }
        DType dt = a.dtype();
        switch (dt) {
            case BOOL:
                return a.getLong(0) != 0 ? "True" : "False";
            case FLOAT16: case FLOAT32: case FLOAT64:
                return DecimalDigits.pythonRepr(a.getDouble(0), dt == DType.FLOAT16 ? 16 : dt == DType.FLOAT32 ? 32 : 64, true);
            case COMPLEX64: case COMPLEX128: {
                int bits = dt == DType.COMPLEX64 ? 32 : 64;
                double re = component(a, 0, 0), im = component(a, 0, 1);
                String imag = DecimalDigits.pythonRepr(im, bits, false) + "j";
                if (re == 0 && Double.doubleToRawLongBits(re) == 0) {
                    return imag; // Python writes 2j, not (0+2j)
                }
                boolean signed = imag.startsWith("-");
                return "(" + DecimalDigits.pythonRepr(re, bits, false) + (signed ? "" : "+") + imag + ")";
            }
            default:
                return dt == DType.UINT64 ? Long.toUnsignedString(a.getLong(0)) : Long.toString(a.getLong(0));
        }
    }

    private static boolean implied(DType dt) {
        return dt == DType.INT64 || dt == DType.FLOAT64 || dt == DType.COMPLEX128 || dt == DType.BOOL;
    }


    private static String array2string(NdArray a, String prefix, int lineWidth) {
        int[] shape = a.shape();
        boolean summary = a.size() > THRESHOLD;
        int[] shown = shownElements(shape, summary);
        ElementFormat f = formatFor(a, shown);
        String nextLinePrefix = " " + " ".repeat(prefix.length());
        return new Recurser(shape, f, summary).recurse(new int[0], nextLinePrefix, lineWidth);
    }

    /** Flat indices of the elements printed (numpy's _leading_trailing): the format is fitted to these only. */
    private static int[] shownElements(int[] shape, boolean summary) {
        int n = shape.length;
        List<int[]> perAxis = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            int len = shape[d];
            int[] idx;
            if (summary && len > 2 * EDGE_ITEMS) {
                idx = new int[2 * EDGE_ITEMS];
                for (int i = 0; i < EDGE_ITEMS; i++) {
                    idx[i] = i;
                    idx[EDGE_ITEMS + i] = len - EDGE_ITEMS + i;
                }
            } else {
                idx = new int[len];
                for (int i = 0; i < len; i++) idx[i] = i;
            }
            perAxis.add(idx);
        }
        int total = 1;
        for (int[] p : perAxis) total *= p.length;
        int[] out = new int[total];
        int[] pos = new int[n];
        for (int k = 0; k < total; k++) {
            int flat = 0;
            for (int d = 0; d < n; d++) flat = flat * shape[d] + perAxis.get(d)[pos[d]];
            out[k] = flat;
            for (int d = n - 1; d >= 0; d--) {
                if (++pos[d] < perAxis.get(d).length) break;
                pos[d] = 0;
            }
        }
        return out;
    }

    private static final class Recurser {
        final int[] shape;
        final ElementFormat f;
        final boolean summary;

        Recurser(int[] shape, ElementFormat f, boolean summary) {
            this.shape = shape;
            this.f = f;
            this.summary = summary;
        }

        String recurse(int[] index, String hanging, int currWidth) {
            int axis = index.length;
            int axesLeft = shape.length - axis;
            if (axesLeft == 0) {
                int flat = 0;
                for (int d = 0; d < shape.length; d++) flat = flat * shape[d] + index[d];
                return f.format(flat);
            }
            String nextHanging = hanging + " ";
            int nextWidth = currWidth - 1;
            int aLen = shape[axis];
            boolean showSummary = summary && 2 * EDGE_ITEMS < aLen;
            int leading = showSummary ? EDGE_ITEMS : 0;
            int trailing = showSummary ? EDGE_ITEMS : aLen;
            StringBuilder s = new StringBuilder();
            if (axesLeft == 1) {
                int elemWidth = currWidth - 1;
                String[] sl = {"", hanging};
                for (int i = 0; i < leading; i++) {
                    extend(sl, recurse(append(index, i), nextHanging, nextWidth), elemWidth, hanging);
                    sl[1] += ", ";
                }
                if (showSummary) {
                    extend(sl, "...", elemWidth, hanging);
                    sl[1] += ", ";
                }
                for (int i = trailing; i > 1; i--) {
                    extend(sl, recurse(append(index, aLen - i), nextHanging, nextWidth), elemWidth, hanging);
                    sl[1] += ", ";
                }
                extend(sl, recurse(append(index, aLen - 1), nextHanging, nextWidth), elemWidth, hanging);
                s.append(sl[0]).append(sl[1]);
            } else {
                String lineSep = "," + "\n".repeat(axesLeft - 1);
                for (int i = 0; i < leading; i++) {
                    s.append(hanging).append(recurse(append(index, i), nextHanging, nextWidth)).append(lineSep);
                }
                if (showSummary) s.append(hanging).append("...").append(lineSep);
                for (int i = trailing; i > 1; i--) {
                    s.append(hanging).append(recurse(append(index, aLen - i), nextHanging, nextWidth)).append(lineSep);
                }
                s.append(hanging).append(recurse(append(index, aLen - 1), nextHanging, nextWidth));
            }
            return "[" + s.substring(hanging.length()) + "]";
        }

        /** numpy's _extendLine: sl = {s, line}. */
        private static void extend(String[] sl, String word, int lineWidth, String nextLinePrefix) {
            boolean needsWrap = sl[1].length() + word.length() > lineWidth;
            if (sl[1].length() <= nextLinePrefix.length()) needsWrap = false;
            if (needsWrap) {
                sl[0] += rstrip(sl[1]) + "\n";
                sl[1] = nextLinePrefix;
            }
            sl[1] += word;
        }

        private static int[] append(int[] index, int i) {
            int[] out = new int[index.length + 1];
            System.arraycopy(index, 0, out, 0, index.length);
            out[index.length] = i;
            return out;
        }
    }

    private static String rstrip(String s) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) e--;
        return s.substring(0, e);
    }

    // ---- element formats ----

    private static ElementFormat formatFor(NdArray a, int[] shown) {
        DType dt = a.dtype();
        switch (dt) {
            case BOOL: {
                String trueStr = a.ndim() == 0 ? "True" : " True";
                return i -> a.getLong(i) != 0 ? trueStr : "False";
            }
            case FLOAT16: case FLOAT32: case FLOAT64: {
                int bits = dt == DType.FLOAT16 ? 16 : dt == DType.FLOAT32 ? 32 : 64;
                double[] v = new double[shown.length];
                for (int k = 0; k < shown.length; k++) v[k] = a.getDouble(shown[k]);
                FloatFormat ff = new FloatFormat(v, bits, false);
                return i -> ff.format(a.getDouble(i));
            }
            case COMPLEX64: case COMPLEX128: {
                int bits = dt == DType.COMPLEX64 ? 32 : 64;
                double[] re = new double[shown.length], im = new double[shown.length];
                for (int k = 0; k < shown.length; k++) {
                    re[k] = component(a, shown[k], 0);
                    im[k] = component(a, shown[k], 1);
                }
                FloatFormat fr = new FloatFormat(re, bits, false), fi = new FloatFormat(im, bits, true);
                return i -> {
                    String r = fr.format(component(a, i, 0));
                    String im2 = fi.format(component(a, i, 1));
                    int sp = rstrip(im2).length();
                    return r + im2.substring(0, sp) + "j" + im2.substring(sp);
                };
            }
            default: {
                // IntegerFormat: width of the longest of str(max), str(min)
                boolean u64 = dt == DType.UINT64;
                int width = 0;
                if (shown.length > 0) {
                    String maxS = null, minS = null;
                    long best = 0, worst = 0;
                    for (int k = 0; k < shown.length; k++) {
                        long v = a.getLong(shown[k]);
                        if (k == 0 || (u64 ? Long.compareUnsigned(v, best) > 0 : v > best)) best = v;
                        if (k == 0 || (u64 ? Long.compareUnsigned(v, worst) < 0 : v < worst)) worst = v;
                    }
                    maxS = u64 ? Long.toUnsignedString(best) : Long.toString(best);
                    minS = u64 ? Long.toUnsignedString(worst) : Long.toString(worst);
                    width = Math.max(maxS.length(), minS.length());
                }
                int w = width;
                return i -> {
                    long v = a.getLong(i);
                    String s = u64 ? Long.toUnsignedString(v) : Long.toString(v);
                    return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
                };
            }
        }
    }

    private static double component(NdArray a, int flat, int part) {
        Object d = a.data();
        return a.dtype() == DType.COMPLEX64 ? ((float[]) d)[2 * flat + part] : ((double[]) d)[2 * flat + part];
    }

    /** numpy's FloatingFormat (floatmode maxprec, precision 8, suppress_small off). */
    static final class FloatFormat {
        private final int bits;
        private final boolean plusSign;
        private boolean expFormat;
        private int padLeft;
        private int padRight;
        private int precision = PRECISION;
        private int expSize = -1;

        FloatFormat(double[] data, int bits, boolean plusSign) {
            this.bits = bits;
            this.plusSign = plusSign;
            List<Double> finite = new ArrayList<>();
            boolean anyNonFinite = false, negInf = false;
            for (double d : data) {
                if (Double.isFinite(d)) finite.add(d);
                else {
                    anyNonFinite = true;
                    if (d == Double.NEGATIVE_INFINITY) negInf = true;
                }
            }
            double max = 0, min = Double.POSITIVE_INFINITY;
            boolean anyNonZero = false;
            for (double d : finite) {
                double x = Math.abs(d);
                if (x == 0) continue;
                anyNonZero = true;
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
            if (anyNonZero) {
                double ratio = roundTo(max / min);
                expFormat = max >= 1e8 || min < 0.0001 || ratio > 1000.;
            }
            if (finite.isEmpty()) {
                padLeft = 0;
                padRight = 0;
            } else if (expFormat) {
                int maxInt = 0, maxFrac = 0, maxExp = 0;
                for (double d : finite) {
                    String s = scientific(d, PRECISION, 0, -1, 0, false);
                    int e = s.indexOf('e');
                    int dot = s.indexOf('.');
                    maxInt = Math.max(maxInt, dot);
                    maxFrac = Math.max(maxFrac, e - dot - 1);
                    maxExp = Math.max(maxExp, s.length() - e - 1);
                }
                expSize = maxExp - 1;
                precision = maxFrac;
                padLeft = maxInt;
                padRight = expSize + 2 + precision;
            } else {
                int maxInt = 0, maxFrac = 0;
                for (double d : finite) {
                    String s = positional(d, 0, 0);
                    int dot = s.indexOf('.');
                    maxInt = Math.max(maxInt, dot);
                    maxFrac = Math.max(maxFrac, s.length() - dot - 1);
                }
                padLeft = maxInt;
                padRight = maxFrac;
            }
            if (anyNonFinite) {
                boolean neg = plusSign || negInf;
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (neg ? 1 : 0) - offset));
            }
        }

        /** Rounds a double to this format's precision (numpy divides in the array's dtype). */
        private double roundTo(double x) {
            if (bits == 32) return (float) x;
            if (bits == 16) return Half.toFloat(Half.fromFloat((float) x));
            return x;
        }

        String format(double x) {
            if (!Double.isFinite(x)) {
                String ret;
                if (Double.isNaN(x)) ret = (plusSign ? "+" : "") + "nan";
                else ret = (x < 0 ? "-" : plusSign ? "+" : "") + "inf";
                int pad = padLeft + padRight + 1 - ret.length();
                return pad > 0 ? " ".repeat(pad) + ret : ret;
            }
            if (expFormat) return scientific(x, precision, precision, expSize, padLeft, true);
            return positional(x, padLeft, padRight);
        }

        private String sign(boolean negative) {
            return negative ? "-" : plusSign ? "+" : "";
        }

        /** dragon4_positional: unique digits, at most 8 after the point, trim '.', padded. */
        private String positional(double x, int padLeft, int padRight) {
            DecimalDigits dd = DecimalDigits.shortest(x, bits);
            if (dd.fractionDigits() > PRECISION) dd = DecimalDigits.roundedFraction(x, PRECISION);
            String digits = dd.digits();
            int exp = dd.exponent();
            String intPart, frac;
            if (digits.equals("0")) {
                intPart = "0";
                frac = "";
            } else if (exp < 0) {
                intPart = "0";
                frac = "0".repeat(-exp - 1) + digits;
            } else if (digits.length() <= exp + 1) {
                intPart = digits + "0".repeat(exp + 1 - digits.length());
                frac = "";
            } else {
                intPart = digits.substring(0, exp + 1);
                frac = digits.substring(exp + 1);
            }
            String ip = sign(dd.negative()) + intPart;
            StringBuilder sb = new StringBuilder();
            for (int i = ip.length(); i < padLeft; i++) sb.append(' ');
            sb.append(ip).append('.').append(frac);
            for (int i = frac.length(); i < padRight; i++) sb.append(' ');
            return sb.toString();
        }

        /**
         * dragon4_scientific: unique digits with at most precision after the first, zero-padded to
         * minDigits, exponent with at least max(expDigits, 2) digits.
         */
        private String scientific(double x, int precision, int minDigits, int expDigits, int padLeft, boolean keepZeros) {
            DecimalDigits dd = DecimalDigits.shortest(x, bits);
            if (dd.digits().length() - 1 > precision) dd = DecimalDigits.roundedSignificant(x, precision + 1);
            // min_digits: more digits than needed to be unique come from the exact value, rounded
            if (keepZeros && dd.digits().length() - 1 < minDigits && !dd.digits().equals("0")) {
                dd = DecimalDigits.roundedSignificant(x, minDigits + 1);
            }
            String digits = dd.digits();
            int exp = digits.equals("0") ? 0 : dd.exponent();
            String frac = digits.substring(1);
            if (keepZeros) while (frac.length() < minDigits) frac += "0";
            String ip = sign(dd.negative()) + digits.charAt(0);
            StringBuilder sb = new StringBuilder();
            for (int i = ip.length(); i < padLeft; i++) sb.append(' ');
            sb.append(ip).append('.').append(frac).append('e').append(exp < 0 ? '-' : '+');
            String e = Integer.toString(Math.abs(exp));
            int width = Math.max(expDigits, 2);
            for (int i = e.length(); i < width; i++) sb.append('0');
            return sb.append(e).toString();
        }
    }
}
