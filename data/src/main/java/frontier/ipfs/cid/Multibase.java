package frontier.ipfs.cid;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * The multibase encodings Kubo accepts for {@code --cid-base}: a one-character prefix, then the
 * payload. base32 (lower case, no padding) is Kubo's default for CIDv1; CIDv0 is bare base58btc.
 */
public enum Multibase {
    BASE16("base16", 'f'),
    BASE16_UPPER("base16upper", 'F'),
    BASE32("base32", 'b'),
    BASE32_UPPER("base32upper", 'B'),
    BASE36("base36", 'k'),
    BASE58BTC("base58btc", 'z'),
    BASE64("base64", 'm'),
    BASE64_URL("base64url", 'u');

    private final String multibaseName;
    private final char prefix;

    Multibase(String name, char prefix) {
        this.multibaseName = name;
        this.prefix = prefix;
    }

    /** The name Kubo uses ({@code base32}, {@code base58btc}, ...). */
    public String multibaseName() {
        return multibaseName;
    }

    public char prefix() {
        return prefix;
    }

    public static Multibase byName(String name) {
        for (Multibase b : values()) {
            if (b.multibaseName.equals(name) || String.valueOf(b.prefix).equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown multibase '" + name + "' (known: base16, base16upper, base32, "
                + "base32upper, base36, base58btc, base64, base64url)");
    }

    public static Multibase byPrefix(char c) {
        for (Multibase b : values()) {
            if (b.prefix == c) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown multibase prefix '" + c + "'");
    }

    /** The prefix followed by the encoded bytes. */
    public String encode(byte[] data) {
        return prefix + encodeRaw(data);
    }

    /** The encoded bytes without the prefix. */
    public String encodeRaw(byte[] data) {
        switch (this) {
            case BASE16: return hex(data, false);
            case BASE16_UPPER: return hex(data, true);
            case BASE32: return base32(data);
            case BASE32_UPPER: return base32(data).toUpperCase(Locale.ROOT);
            case BASE36: return baseN(data, B36, 36);
            case BASE58BTC: return baseN(data, B58, 58);
            case BASE64: return Base64.getEncoder().withoutPadding().encodeToString(data);
            case BASE64_URL: return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
            default: throw new AssertionError(this);
        }
    }

    /** Decodes a prefixed multibase string. */
    public static byte[] decode(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty multibase string");
        }
        return byPrefix(s.charAt(0)).decodeRaw(s.substring(1));
    }

    /** Decodes the payload of this base (no prefix). */
    public byte[] decodeRaw(String s) {
        switch (this) {
            case BASE16:
            case BASE16_UPPER: return unhex(s);
            case BASE32: return unbase32(s.toLowerCase(Locale.ROOT).equals(s) ? s : fail(s));
            case BASE32_UPPER: return unbase32(s.toUpperCase(Locale.ROOT).equals(s) ? s.toLowerCase(Locale.ROOT) : fail(s));
            case BASE36: return unbaseN(s.toLowerCase(Locale.ROOT), B36, 36);
            case BASE58BTC: return unbaseN(s, B58, 58);
            case BASE64: return Base64.getDecoder().decode(stripPad(s));
            case BASE64_URL: return Base64.getUrlDecoder().decode(stripPad(s));
            default: throw new AssertionError(this);
        }
    }

    private String fail(String s) {
        throw new IllegalArgumentException("mixed case in " + multibaseName + " string '" + s + "'");
    }

    private static String stripPad(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    private static final String B32 = "abcdefghijklmnopqrstuvwxyz234567";
    private static final String B36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static String hex(byte[] data, boolean upper) {
        String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        StringBuilder sb = new StringBuilder(data.length * 2);
        for (byte b : data) {
            sb.append(digits.charAt((b >> 4) & 15)).append(digits.charAt(b & 15));
        }
        return sb.toString();
    }

    private static byte[] unhex(String s) {
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd-length base16 string");
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("bad base16 character in '" + s + "'");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                sb.append(B32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(B32.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] unbase32(String s) {
        s = stripPad(s);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = B32.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("bad base32 character '" + s.charAt(i) + "'");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static String baseN(byte[] data, String alphabet, int base) {
        int zeros = 0;
        while (zeros < data.length && data[zeros] == 0) {
            zeros++;
        }
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        BigInteger b = BigInteger.valueOf(base);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(b);
            sb.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < zeros; i++) {
            sb.append(alphabet.charAt(0));
        }
        return sb.reverse().toString();
    }

    private static byte[] unbaseN(String s, String alphabet, int base) {
        BigInteger n = BigInteger.ZERO;
        BigInteger b = BigInteger.valueOf(base);
        int zeros = 0;
        while (zeros < s.length() && s.charAt(zeros) == alphabet.charAt(0)) {
            zeros++;
        }
        for (int i = 0; i < s.length(); i++) {
            int v = alphabet.indexOf(s.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("bad base" + base + " character '" + s.charAt(i) + "'");
            }
            n = n.multiply(b).add(BigInteger.valueOf(v));
        }
        byte[] mag = n.signum() == 0 ? new byte[0] : n.toByteArray();
        if (mag.length > 0 && mag[0] == 0) {
            mag = Arrays.copyOfRange(mag, 1, mag.length);
        }
        byte[] out = new byte[zeros + mag.length];
        System.arraycopy(mag, 0, out, zeros, mag.length);
        return out;
    }
}
