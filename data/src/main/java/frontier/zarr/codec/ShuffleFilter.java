package frontier.zarr.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/** numcodecs' Shuffle filter: byte shuffle of the whole buffer by elementsize (blosc's layout, one block). */
public final class ShuffleFilter implements Codec {
    private final int elementsize;

    public ShuffleFilter(int elementsize) {
        this.elementsize = elementsize;
    }

    private void check(byte[] b) throws CodecException {
        if (b.length % elementsize != 0) {
            throw new CodecException("shuffle: " + b.length + " bytes are not a multiple of elementsize " + elementsize);
        }
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        if (elementsize <= 1) {
            return raw.clone();
        }
        check(raw);
        byte[] out = new byte[raw.length];
        Shuffle.shuffle(elementsize, raw, 0, out, 0, raw.length);
        return out;
    }

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        DecodeBound.check("shuffle buffer", encoded.length, maxDecoded);
        if (elementsize <= 1) {
            return encoded.clone();
        }
        check(encoded);
        byte[] out = new byte[encoded.length];
        Shuffle.unshuffle(elementsize, encoded, 0, out, 0, encoded.length);
        return out;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "shuffle");
        c.put("elementsize", elementsize);
        return c;
    }
}
