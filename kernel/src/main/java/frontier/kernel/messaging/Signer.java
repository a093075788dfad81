package frontier.kernel.messaging;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** HMAC signatures of messages (the connection file's key and scheme); an empty key signs with "". */
public final class Signer {
    private final Mac mac;

    public Signer(String key, String scheme) {
        if (key == null || key.isEmpty()) {
            mac = null;
            return;
        }
        String algorithm = switch (scheme) {
            case "hmac-sha256" -> "HmacSHA256";
            case "hmac-sha512" -> "HmacSHA512";
            case "hmac-sha1" -> "HmacSHA1";
            case "hmac-md5" -> "HmacMD5";
            default -> throw new IllegalArgumentException("unsupported signature_scheme '" + scheme + "'");
        };
        try {
            mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + scheme, e);
        }
    }

    public synchronized String sign(byte[]... parts) {
        if (mac == null) {
            return "";
        }
        for (byte[] p : parts) {
            mac.update(p);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Constant-time comparison of a received signature with the expected one. */
    public boolean verify(String signature, byte[]... parts) {
        if (mac == null) {
            return true;
        }
        byte[] expected = sign(parts).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
    }
}
