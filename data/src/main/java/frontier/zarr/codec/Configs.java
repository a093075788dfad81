package frontier.zarr.codec;

import java.util.Map;

/** Typed reads of codec configuration fields (the JSON objects of .zarray) with clear errors. */
final class Configs {
    private Configs() {
    }

    static int integer(Map<String, Object> config, String key, int dflt) throws CodecException {
        Object v = config.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && n.doubleValue() >= Integer.MIN_VALUE && n.doubleValue() <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new CodecException("codec '" + config.get("id") + "': field '" + key + "' must be an integer, got " + v);
    }

    static int requiredInteger(Map<String, Object> config, String key) throws CodecException {
        if (config.get(key) == null) {
            throw new CodecException("codec '" + config.get("id") + "': missing field '" + key + "'");
        }
        return integer(config, key, 0);
    }

    static double number(Map<String, Object> config, String key, Double dflt) throws CodecException {
        Object v = config.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new CodecException("codec '" + config.get("id") + "': missing field '" + key + "'");
            }
            return dflt;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new CodecException("codec '" + config.get("id") + "': field '" + key + "' must be a number, got " + v);
    }

    static String string(Map<String, Object> config, String key, String dflt) throws CodecException {
        Object v = config.get(key);
        if (v == null) {
            if (dflt == null) {
                throw new CodecException("codec '" + config.get("id") + "': missing field '" + key + "'");
            }
            return dflt;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new CodecException("codec '" + config.get("id") + "': field '" + key + "' must be a string, got " + v);
    }
}
