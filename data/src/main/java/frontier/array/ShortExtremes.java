package frontier.array;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Running minima or maxima of the 2-byte integer elements of whole chunks, in the layout a chunk
 * source folds compressed chunks into without decoding them to an array (blosc's byte planes, see
 * {@code BloscCodec.foldShortExtremes}): two 16-bit values to an int, two rows per compressed block
 * of blocksize bytes; element i of block j in {@code rows[2 * j + i % 2][i / 4]}, low 16 bits when
 * i % 4 < 2, else high, holding the unsigned 16-bit value (signed values xor 0x8000, which orders
 * them as unsigned). The layout is fixed by the first chunk folded in; a chunk of other blocks is
 * not taken ({@link #rows} is null).
 */
public final class ShortExtremes implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int H = 0x80008000;

    private final boolean max;
    private final DType dtype;
    private final int elements;
    private int blocksize = -1;
    private int[][] rows;

    /** For chunks of elements 2-byte elements of dtype (INT16 or UINT16). */
    public ShortExtremes(boolean max, DType dtype, int elements) {
        if (dtype != DType.INT16 && dtype != DType.UINT16) throw new IllegalArgumentException("not a 2-byte integer dtype: " + dtype);
        this.max = max;
        this.dtype = dtype;
        this.elements = elements;
    }

    public boolean max() {
        return max;
    }

    public DType dtype() {
        return dtype;
    }

    /** Bytes of the chunks this folds. */
    public int chunkBytes() {
        return 2 * elements;
    }

    /** What the stored values are xored with: 0x8000 in each half for signed elements. */
    public int flip() {
        return dtype == DType.INT16 ? H : 0;
    }

    /** The rows for chunks of blocks of blocksize bytes (made on first use); null when the rows have another layout. */
    public int[][] rows(int blocksize) {
        if (rows == null) {
            int nbytes = chunkBytes();
            if (blocksize <= 0 || blocksize % 8 != 0 || nbytes % 8 != 0) return null;
            int nblocks = nbytes / blocksize + (nbytes % blocksize > 0 ? 1 : 0);
            int[][] r = new int[2 * nblocks][];
            for (int j = 0; j < nblocks; j++) {
                int q = Math.min(blocksize, nbytes - j * blocksize) / 8;
                for (int odd = 0; odd < 2; odd++) {
                    r[2 * j + odd] = new int[q];
                    if (!max) Arrays.fill(r[2 * j + odd], -1);
                }
            }
            this.blocksize = blocksize;
            rows = r;
        }
        return blocksize == this.blocksize ? rows : null;
    }

    /** Whether any chunk was folded in. */
    boolean isEmpty() {
        return rows == null;
    }

    /** Whether other holds its rows in the layout of this one's. */
    boolean sameLayout(ShortExtremes other) {
        return other.blocksize == blocksize && other.elements == elements && other.max == max && other.dtype == dtype;
    }

    ShortExtremes copy() {
        ShortExtremes c = new ShortExtremes(max, dtype, elements);
        c.blocksize = blocksize;
        if (rows != null) {
            c.rows = new int[rows.length][];
            for (int i = 0; i < rows.length; i++) c.rows[i] = rows[i].clone();
        }
        return c;
    }

    /**
     * Folds other (of the same layout) into this one: the lane-wise unsigned comparison of
     * BloscCodec's kernel (ShortPlanes), in plain int loops that C2 vectorizes.
     */
    void merge(ShortExtremes other) {
        if (!sameLayout(other)) throw new IllegalStateException("rows of blocks of " + other.blocksize + " and " + blocksize + " bytes");
        for (int i = 0; i < rows.length; i++) {
            int[] a = rows[i], b = other.rows[i];
            if (max) {
                for (int k = 0; k < a.length; k++) {
                    int x = a[k], v = b[k];
                    a[k] = v ^ ((x ^ v) & atLeast(x, v));
                }
            } else {
                for (int k = 0; k < a.length; k++) {
                    int x = a[k], v = b[k];
                    a[k] = x ^ ((x ^ v) & atLeast(x, v));
                }
            }
        }
    }

    /** 0xffff in each 16-bit lane where x's unsigned value is at least v's, else 0 (a guarded subtraction: no borrow crosses lanes). */
    private static int atLeast(int x, int v) {
        int t = (x | H) - (v & ~H);
        int ge = ((x & ~v) | (~(x ^ v) & t)) & H;
        return (ge << 1) - (ge >>> 15);
    }

    /** The values in element order, as an array of the given shape (elements in all). */
    NdArray values(int[] shape) {
        short[] out = new short[elements];
        int flip = flip();
        int perBlock = blocksize / 2;
        for (int j = 0; j < rows.length / 2; j++) {
            int[] even = rows[2 * j], odd = rows[2 * j + 1];
            int base = j * perBlock;
            for (int k = 0; k < even.length; k++) {
                int e = even[k] ^ flip, o = odd[k] ^ flip, i = base + 4 * k;
                out[i] = (short) e;
                out[i + 1] = (short) o;
                out[i + 2] = (short) (e >>> 16);
                out[i + 3] = (short) (o >>> 16);
            }
        }
        return NdArray.wrap(dtype, out, shape);
    }
}
