package frontier.zarr.codec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * numcodecs' Blosc in pure Java: blosc1 frames (16-byte header, block offsets, per-block streams,
 * optionally split by byte position, byte or bit shuffle, memcpyed frames). Frame layout and the
 * split/blocksize rules follow c-blosc 1.21 so that zarr-python reads what we write and we read
 * what it writes; see BloscFrame for the header.
 */
public final class BloscCodec implements Codec {
    public static final int NOSHUFFLE = 0;
    public static final int SHUFFLE = 1;
    public static final int BITSHUFFLE = 2;
    /** numcodecs: bit shuffle for 1-byte items, byte shuffle otherwise. */
    public static final int AUTOSHUFFLE = -1;

    static final int HEADER = 16;
    static final int FLAG_SHUFFLE = 0x01;
    static final int FLAG_MEMCPYED = 0x02;
    static final int FLAG_BITSHUFFLE = 0x04;
    static final int FLAG_DONT_SPLIT = 0x10;
    static final int MIN_BUFFERSIZE = 128;
    static final int MAX_SPLITS = 16;
    static final int L1 = 32 * 1024;
    static final int MAX_TYPESIZE = 255;
    static final int MAX_BLOCKSIZE = (Integer.MAX_VALUE - MAX_TYPESIZE * 4) / 3;
    static final int MAX_BUFFERSIZE = Integer.MAX_VALUE - HEADER;

    private static final int MAX_CACHED_SCRATCH = 8 << 20;
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2][]);

    private final BloscCompressor compressor;
    private final int clevel;
    private final int shuffle;
    private final int blocksize;

    public BloscCodec(String cname, int clevel, int shuffle, int blocksize) throws CodecException {
        this.compressor = BloscCompressor.byName(cname);
        if (clevel < 0 || clevel > 9) {
            throw new CodecException("blosc clevel must be 0..9, got " + clevel);
        }
        if (shuffle < -1 || shuffle > 2) {
            throw new CodecException("blosc shuffle must be -1 (auto), 0, 1 or 2, got " + shuffle);
        }
        if (blocksize < 0) {
            throw new CodecException("blosc blocksize must be >= 0, got " + blocksize);
        }
        this.clevel = clevel;
        this.shuffle = shuffle;
        this.blocksize = blocksize;
    }

    /** zarr-python 2.13's default compressor: lz4, clevel 5, byte shuffle, automatic blocks. */
    public static BloscCodec zarrDefault() {
        try {
            return new BloscCodec("lz4", 5, SHUFFLE, 0);
        } catch (CodecException e) {
            throw new AssertionError(e);
        }
    }

    public static BloscCodec fromConfig(Map<String, Object> config) throws CodecException {
        String cname = Configs.string(config, "cname", "lz4");
        int clevel = Configs.integer(config, "clevel", 5);
        int shuffle = Configs.integer(config, "shuffle", SHUFFLE);
        int blocksize = Configs.integer(config, "blocksize", 0);
        return new BloscCodec(cname, clevel, shuffle, blocksize);
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "blosc");
        c.put("cname", compressor.cname);
        c.put("clevel", clevel);
        c.put("shuffle", shuffle);
        c.put("blocksize", blocksize);
        return c;
    }

    @Override
    public String toString() {
        return "Blosc(cname='" + compressor.cname + "', clevel=" + clevel + ", shuffle=" + shuffle + ", blocksize=" + blocksize + ")";
    }

    /** Per-thread scratch buffers, reused across chunks; unusually large blocks get a one-off buffer. */
    private static byte[] scratch(int slot, int size) {
        if (size > MAX_CACHED_SCRATCH) {
            return new byte[size];
        }
        byte[][] s = SCRATCH.get();
        if (s[slot] == null || s[slot].length < size) {
            s[slot] = new byte[Math.max(size, 64 * 1024)];
        }
        return s[slot];
    }

    // ---------------------------------------------------------------- decoding

    @Override
    public byte[] decode(byte[] encoded, int maxDecoded) throws CodecException {
        return decodeFrame(encoded, maxDecoded);
    }

    @Override
    public int decodedSize(byte[] encoded) throws CodecException {
        return Frame.parse(encoded).nbytes;
    }

    @Override
    public int decodeInto(byte[] encoded, byte[] out, int offset) throws CodecException {
        return decodeInto(encoded, encoded.length, out, offset, 0);
    }

    @Override
    public int decodeInto(byte[] encoded, int length, byte[] out, int offset, int swapSize) throws CodecException {
        if (length < 0 || length > encoded.length) {
            throw new CodecException("encoded length " + length + " outside a " + encoded.length + "-byte buffer");
        }
        Frame f = Frame.parse(encoded, length);
        if (offset < 0 || offset > out.length) {
            throw new CodecException("offset " + offset + " is outside a " + out.length + "-byte buffer");
        }
        DecodeBound.check("blosc frame", f.nbytes, out.length - offset);
        if (swapSize <= 1 || f.unshufflesSwapped(swapSize)) {
            f.decodeInto(encoded, out, offset, swapSize > 1 ? swapSize : 0);
        } else {
            f.decodeInto(encoded, out, offset, 0);
            ByteSwap.reverse(out, offset, f.nbytes, swapSize);
        }
        return f.nbytes;
    }

    /** Decodes any blosc1 frame (the parameters of this codec do not matter for decoding). */
    public static byte[] decodeFrame(byte[] src) throws CodecException {
        return decodeFrame(src, MAX_DECODED);
    }

    /** Decodes a blosc1 frame whose header declares at most maxDecoded bytes (checked before allocating). */
    public static byte[] decodeFrame(byte[] src, int maxDecoded) throws CodecException {
        Frame f = Frame.parse(src);
        DecodeBound.check("blosc frame", f.nbytes, maxDecoded);
        byte[] out;
        try {
            out = new byte[f.nbytes];
        } catch (OutOfMemoryError e) {
            throw new CodecException("cannot allocate " + f.nbytes + " bytes for a blosc frame", e);
        }
        f.decodeInto(src, out, 0, 0);
        return out;
    }

    /** A validated blosc1 header. */
    private record Frame(int flags, int typesize, int nbytes, int blocksize, int cbytes) {
        static Frame parse(byte[] src) throws CodecException {
            return parse(src, src == null ? 0 : src.length);
        }

        /** The header of the frame in src[0..length). */
        static Frame parse(byte[] src, int length) throws CodecException {
            if (src == null || length < HEADER) {
                throw new CodecException("blosc frame too short: " + length + " bytes, the header alone is 16");
            }
            int version = src[0] & 0xFF;
            int flags = src[2] & 0xFF;
            int typesize = src[3] & 0xFF;
            int nbytes = LittleEndian.getInt(src, 4);
            int blocksize = LittleEndian.getInt(src, 8);
            int cbytes = LittleEndian.getInt(src, 12);
            if (version == 0 || version > 2) {
                throw new CodecException("not a blosc1 frame: format version " + version + " (expected 2"
                        + (version > 2 ? "; blosc2 chunks are not supported" : "") + ")");
            }
            if (cbytes < HEADER || cbytes > length) {
                throw new CodecException("blosc header says the frame has " + cbytes + " bytes but "
                        + length + " bytes were given" + (cbytes > length ? " (truncated?)" : ""));
            }
            if (nbytes < 0) {
                throw new CodecException("blosc header declares a negative uncompressed size " + nbytes);
            }
            if (nbytes == 0) {
                return new Frame(flags, typesize, 0, blocksize, cbytes);
            }
            if (blocksize <= 0 || blocksize > MAX_BLOCKSIZE || blocksize > nbytes) {
                throw new CodecException("blosc header declares an invalid blocksize " + blocksize + " for " + nbytes + " bytes");
            }
            if (typesize == 0) {
                throw new CodecException("blosc header declares typesize 0");
            }
            if ((flags & 0x08) != 0) {
                throw new CodecException("blosc header has unknown flag bit 3 set (flags 0x" + Integer.toHexString(flags) + ")");
            }
            if ((flags & FLAG_MEMCPYED) != 0) {
                if ((long) nbytes + HEADER != cbytes) {
                    throw new CodecException("memcpyed blosc frame of " + cbytes + " bytes cannot hold the declared " + nbytes + " bytes");
                }
            } else {
                BloscCompressor comp = BloscCompressor.byFormat(flags >>> 5);
                int nblocks = nbytes / blocksize + (nbytes % blocksize > 0 ? 1 : 0);
                if (nblocks > (cbytes - HEADER) / 4) {
                    throw new CodecException("blosc frame of " + cbytes + " bytes is too short for the offsets of its " + nblocks + " blocks");
                }
                if ((long) nbytes > (long) cbytes * comp.maxRatio + 4096) {
                    throw new CodecException("blosc header claims " + nbytes + " bytes from a " + cbytes + "-byte "
                            + comp.cname + " frame (more than " + comp.cname + " can expand)");
                }
            }
            return new Frame(flags, typesize, nbytes, blocksize, cbytes);
        }

        /** How many blocks the frame holds; the last is shorter when blocksize does not divide nbytes. */
        int nblocks() {
            return nbytes == 0 ? 0 : nbytes / blocksize + (nbytes % blocksize > 0 ? 1 : 0);
        }

        /** Whether block j is the shorter one at the end (c-blosc never splits it into streams). */
        boolean leftoverBlock(int j) {
            return j == nblocks() - 1 && nbytes % blocksize > 0;
        }

        /** The decoded size of block j. */
        int blockSize(int j) {
            return leftoverBlock(j) ? nbytes % blocksize : blocksize;
        }

        boolean dontSplit() {
            return (flags & FLAG_DONT_SPLIT) != 0;
        }

        /**
         * Whether byte-unshuffling can also reverse each elementSize-byte element: every block holds whole
         * elements of exactly that size (so the elements of the output are the frame's typesize elements).
         */
        boolean unshufflesSwapped(int elementSize) {
            return (flags & FLAG_SHUFFLE) != 0 && (flags & FLAG_MEMCPYED) == 0 && elementSize > 1
                    && typesize == elementSize && nbytes % typesize == 0 && blocksize % typesize == 0;
        }

        /** swapSize > 0: unshuffle with each element's bytes reversed (only when unshufflesSwapped(swapSize)). */
        void decodeInto(byte[] src, byte[] out, int outOff, int swapSize) throws CodecException {
            if (nbytes == 0) {
                return;
            }
            if ((flags & FLAG_MEMCPYED) != 0) {
                System.arraycopy(src, HEADER, out, outOff, nbytes);
                return;
            }
            BloscCompressor comp = BloscCompressor.byFormat(flags >>> 5);
            boolean shuffled = (flags & FLAG_SHUFFLE) != 0;
            boolean bitshuffled = (flags & FLAG_BITSHUFFLE) != 0;
            for (int j = 0; j < nblocks(); j++) {
                int start = LittleEndian.getInt(src, HEADER + 4 * j);
                decodeBlock(src, cbytes, start, comp, typesize, dontSplit(), shuffled, bitshuffled, blockSize(j), leftoverBlock(j),
                        out, outOff + j * blocksize, j, swapSize > 0);
            }
        }
    }

    private static void decodeBlock(byte[] src, int cbytes, int offset, BloscCompressor comp, int typesize,
                                    boolean dontSplit, boolean shuffled, boolean bitshuffled, int bsize,
                                    boolean leftoverBlock, byte[] out, int outOff, int blockIndex,
                                    boolean reverse) throws CodecException {
        boolean doShuffle = shuffled && typesize > 1;
        boolean doBitshuffle = !doShuffle && bitshuffled && bsize >= typesize;
        byte[] dst;
        int dstOff;
        if (doShuffle || doBitshuffle) {
            dst = scratch(0, bsize);
            dstOff = 0;
        } else {
            dst = out;
            dstOff = outOff;
        }
        decodeStreams(src, cbytes, offset, comp, typesize, dontSplit, bsize, leftoverBlock, dst, dstOff, blockIndex);
        if (doShuffle) {
            Shuffle.unshuffle(typesize, dst, 0, out, outOff, bsize, reverse);
        } else if (doBitshuffle) {
            Shuffle.bitunshuffle(typesize, dst, 0, out, outOff, bsize);
        }
    }

    /** Decompresses the streams of one block into dst[dstOff..dstOff+bsize), as stored (still shuffled). */
    private static void decodeStreams(byte[] src, int cbytes, int offset, BloscCompressor comp, int typesize,
                                      boolean dontSplit, int bsize, boolean leftoverBlock, byte[] dst, int dstOff,
                                      int blockIndex) throws CodecException {
        int nsplits = streams(typesize, dontSplit, bsize, leftoverBlock, blockIndex);
        int neblock = bsize / nsplits;
        for (int s = 0; s < nsplits; s++) {
            offset = decodeStream(src, cbytes, offset, comp, neblock, dst, dstOff + s * neblock, blockIndex, s);
        }
    }

    /** How many streams a block is stored as: its typesize when split (stream j then holds byte j of every element), else 1. */
    private static int streams(int typesize, boolean dontSplit, int bsize, boolean leftoverBlock, int blockIndex) throws CodecException {
        int nsplits = !dontSplit && typesize <= MAX_SPLITS && bsize / typesize >= MIN_BUFFERSIZE && !leftoverBlock ? typesize : 1;
        if (bsize / nsplits * nsplits != bsize) {
            throw new CodecException("blosc block " + blockIndex + " of " + bsize + " bytes cannot be split into " + nsplits + " streams");
        }
        return nsplits;
    }

    /** The stored length of the stream whose 4-byte length is at offset (checked to lie within the frame); the stream follows it. */
    private static int streamLength(byte[] src, int cbytes, int offset, int blockIndex, int s) throws CodecException {
        if (offset < 0 || offset > cbytes - 4) {
            throw new CodecException("blosc block " + blockIndex + " stream " + s + " starts at " + offset + ", outside the " + cbytes + "-byte frame");
        }
        int clen = LittleEndian.getInt(src, offset);
        if (clen < 0 || clen > cbytes - offset - 4) {
            throw new CodecException("blosc block " + blockIndex + " stream " + s + " claims " + clen + " bytes at offset " + (offset + 4) + " of a " + cbytes + "-byte frame");
        }
        return clen;
    }

    /** Decompresses stream s of a block, starting at offset, into dst[dstOff..dstOff+neblock); returns where the next stream starts. */
    private static int decodeStream(byte[] src, int cbytes, int offset, BloscCompressor comp, int neblock, byte[] dst, int dstOff,
                                    int blockIndex, int s) throws CodecException {
        int clen = streamLength(src, cbytes, offset, blockIndex, s);
        offset += 4;
        if (clen == neblock) {
            System.arraycopy(src, offset, dst, dstOff, neblock);
        } else {
            comp.decompress(src, offset, clen, dst, dstOff, neblock);
        }
        return offset + clen;
    }

    /**
     * Decodes a frame of 2-byte elements (byte order given) into out[offset..offset+count) as shorts
     * (a chunk's own array, or its run in a region), block by block through a small buffer that stays
     * in the cache: no chunk-sized byte array in between. False (out untouched or partly written) when
     * the frame is not byte-shuffled 2-byte elements, count of them; the caller then decodes it the
     * plain way, which reports any error.
     */
    public static boolean decodeShorts(byte[] src, int length, short[] out, int offset, int count, boolean bigEndian) throws CodecException {
        java.util.Objects.checkFromIndexSize(offset, count, out.length);
        Frame f = Frame.parse(src, length);
        if (f.nbytes != 2L * count || f.nbytes == 0 || !f.unshufflesSwapped(2)) return false;
        BloscCompressor comp = BloscCompressor.byFormat(f.flags >>> 5);
        for (int j = 0; j < f.nblocks(); j++) {
            int bsize = f.blockSize(j);
            byte[] buf = scratch(0, bsize);
            decodeStreams(src, f.cbytes, LittleEndian.getInt(src, HEADER + 4 * j), comp, 2, f.dontSplit(), bsize, f.leftoverBlock(j), buf, 0, j);
            Shuffle.unshuffleShorts(buf, 0, out, offset + j * (f.blocksize / 2), bsize / 2, bigEndian);
        }
        return true;
    }

    // ---------------------------------------------------------------- sums without unshuffling

    /**
     * The sum of the integer elements a frame decodes to (elements of itemSize bytes, 1..4, in the
     * given byte order; signed or not), as a long that wraps as a long sum of the elements would; or
     * null when the frame does not decode to expectedBytes or its layout does not allow it (not
     * byte-shuffled elements of that size, bit shuffle): a plain decode then sums it, or reports the error.
     * A sum does not depend on the order of the elements, so byte-shuffled blocks are summed as they
     * decompress: byte position j of every element is one contiguous stream, summed at once with its
     * weight 256^j, and the unshuffle (the costliest step of decoding) is skipped.
     */
    public static Long sumIntegers(byte[] src, int length, int expectedBytes, int itemSize, boolean signed, boolean bigEndian) throws CodecException {
        if (itemSize < 1 || itemSize > 4) return null;
        Frame f = Frame.parse(src, length);
        if (f.nbytes != expectedBytes || f.nbytes % itemSize != 0) return null;
        if (f.nbytes == 0) return 0L;
        boolean shuffled = (f.flags & FLAG_SHUFFLE) != 0 && f.typesize > 1;
        boolean bitshuffled = (f.flags & FLAG_BITSHUFFLE) != 0;
        boolean memcpyed = (f.flags & FLAG_MEMCPYED) != 0;
        if (memcpyed || !shuffled && (bitshuffled || itemSize > 1) || shuffled && (f.typesize != itemSize || f.blocksize % itemSize != 0)) {
            return null; // elements interleaved byte by byte: a plain decode sums them as well
        }
        BloscCompressor comp = BloscCompressor.byFormat(f.flags >>> 5);
        long[] planes = new long[itemSize];
        long negatives = 0;
        int signPlane = bigEndian ? 0 : itemSize - 1;
        for (int j = 0; j < f.nblocks(); j++) {
            int bsize = f.blockSize(j);
            int n = bsize / itemSize;
            int offset = LittleEndian.getInt(src, HEADER + 4 * j);
            if (streams(f.typesize, f.dontSplit(), bsize, f.leftoverBlock(j), j) == itemSize && itemSize > 1) {
                // each stream is one byte plane: summed right after it decompresses, while it is still in the core's cache
                byte[] buf = scratch(0, n);
                for (int p = 0; p < itemSize; p++) {
                    byte[] plane = buf;
                    int at = 0;
                    if (streamLength(src, f.cbytes, offset, j, p) == n) { // stored as is (noise does not compress): summed in place
                        plane = src;
                        at = offset + 4;
                        offset += 4 + n;
                    } else {
                        offset = decodeStream(src, f.cbytes, offset, comp, n, buf, 0, j, p);
                    }
                    planes[p] += ByteSums.sum(plane, at, n);
                    if (signed && p == signPlane) negatives += ByteSums.countHigh(plane, at, n);
                }
                continue;
            }
            byte[] buf = scratch(0, bsize);
            decodeStreams(src, f.cbytes, offset, comp, f.typesize, f.dontSplit(), bsize, f.leftoverBlock(j), buf, 0, j);
            for (int p = 0; p < itemSize; p++) planes[p] += ByteSums.sum(buf, p * n, n);
            if (signed) negatives += ByteSums.countHigh(buf, signPlane * n, n);
        }
        long sum = 0;
        for (int p = 0; p < itemSize; p++) sum += planes[p] << (8 * (bigEndian ? itemSize - 1 - p : p));
        return sum - (negatives << (8 * itemSize));
    }

    // ---------------------------------------------------------------- min/max without unshuffling

    /**
     * The blocksize of a frame whose 2-byte elements a min or max can fold straight from its byte
     * planes ({@link #foldShortExtremes}): byte-shuffled 2-byte elements decoding to expectedBytes,
     * every block a multiple of 8 bytes; -1 otherwise (a plain decode then reports any error).
     */
    public static int shortPlanesBlocksize(byte[] src, int length, int expectedBytes) throws CodecException {
        Frame f = Frame.parse(src, length);
        if (f.nbytes != expectedBytes || f.nbytes == 0 || !f.unshufflesSwapped(2) || f.blocksize % 8 != 0 || f.nbytes % 8 != 0) return -1;
        return f.blocksize;
    }

    /**
     * Folds the 2-byte elements of a frame (checked by {@link #shortPlanesBlocksize}) into running
     * minima or maxima held two to an int, two rows per block: element i of block j is in
     * {@code rows[2 * j + i % 2][i / 4]}, in its low 16 bits when i % 4 < 2, else its high 16 bits,
     * as the unsigned 16-bit element xor flip (0x80008000 makes signed elements compare as unsigned).
     * Each block is decompressed into its two byte planes, read as little-endian ints, so that the
     * elements are assembled and compared with int operations on arrays of one type (loops C2
     * vectorizes, see ShortPlanes); the unshuffled chunk is never made.
     */
    public static void foldShortExtremes(byte[] src, int length, boolean bigEndian, boolean max, int flip, int[][] rows) throws CodecException {
        Frame f = Frame.parse(src, length);
        BloscCompressor comp = BloscCompressor.byFormat(f.flags >>> 5);
        int nblocks = f.nblocks();
        if (rows.length != 2 * nblocks) throw new IllegalArgumentException(rows.length + " rows for " + nblocks + " blocks");
        int[][] planes = PLANES.get();
        for (int j = 0; j < nblocks; j++) {
            int bsize = f.blockSize(j);
            byte[] buf = scratch(0, bsize);
            decodeStreams(src, f.cbytes, LittleEndian.getInt(src, HEADER + 4 * j), comp, 2, f.dontSplit(), bsize, f.leftoverBlock(j), buf, 0, j);
            int q = bsize / 8;
            int[][] p = planes;
            if (4 * q > MAX_CACHED_SCRATCH / 2) {
                p = new int[][]{new int[q], new int[q]}; // unusually large blocks: one-off planes
            } else if (p[0] == null || p[0].length < q) {
                p[0] = new int[Math.max(q, 8192)];
                p[1] = new int[p[0].length];
            }
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, 0, bsize).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            b.asIntBuffer().get(p[0], 0, q);
            b.position(bsize / 2);
            b.slice().order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(p[1], 0, q);
            int[] lo = p[bigEndian ? 1 : 0], hi = p[bigEndian ? 0 : 1];
            for (int odd = 0; odd < 2; odd++) {
                int[] acc = rows[2 * j + odd];
                if (acc.length != q) throw new IllegalArgumentException("row of " + acc.length + " for a block of " + bsize + " bytes");
                if (max) ShortPlanes.max(lo, hi, 8 * odd, flip, acc);
                else ShortPlanes.min(lo, hi, 8 * odd, flip, acc);
            }
        }
    }

    private static final ThreadLocal<int[][]> PLANES = ThreadLocal.withInitial(() -> new int[2][]);

    // ---------------------------------------------------------------- encoding

    /** c-blosc's split rule in its default (forward-compatible) mode. */
    static boolean splitBlock(BloscCompressor c, int typesize, int blocksize) {
        return c != BloscCompressor.ZSTD && typesize <= MAX_SPLITS && blocksize / typesize >= MIN_BUFFERSIZE;
    }

    /** c-blosc 1.21's compute_blocksize. */
    static int computeBlocksize(BloscCompressor c, int clevel, int typesize, int nbytes, int forced) {
        if (nbytes < typesize) {
            return 1;
        }
        long bs = nbytes;
        if (forced > 0) {
            bs = Math.min(Math.max(forced, MIN_BUFFERSIZE), MAX_BLOCKSIZE);
        } else if (nbytes >= L1) {
            bs = L1;
            if (c.hcr) {
                bs *= 2;
            }
            switch (clevel) {
                case 0 -> bs /= 4;
                case 1 -> bs /= 2;
                case 2 -> { }
                case 3 -> bs *= 2;
                case 4, 5 -> bs *= 4;
                case 6, 7, 8 -> bs *= 8;
                default -> bs *= c.hcr ? 16 : 8;
            }
        }
        if (clevel > 0 && splitBlock(c, typesize, (int) bs)) {
            bs = Math.min(bs, 1 << 18) * typesize;
            bs = Math.min(Math.max(bs, 1 << 16), 1024 * 1024);
        }
        if (bs > nbytes) {
            bs = nbytes;
        }
        if (bs > typesize) {
            bs = bs / typesize * typesize;
        }
        return (int) bs;
    }

    @Override
    public byte[] encode(byte[] raw, int itemSize) throws CodecException {
        if (raw.length > MAX_BUFFERSIZE) {
            throw new CodecException("blosc cannot encode " + raw.length + " bytes (limit " + MAX_BUFFERSIZE + ")");
        }
        int typesize = itemSize < 1 || itemSize > MAX_TYPESIZE ? 1 : itemSize;
        int doShuffle = shuffle == AUTOSHUFFLE ? (itemSize == 1 ? BITSHUFFLE : SHUFFLE) : shuffle;
        int nbytes = raw.length;
        int bs = computeBlocksize(compressor, clevel, typesize, nbytes, blocksize);
        int nblocks = nbytes == 0 ? 0 : nbytes / bs + (nbytes % bs > 0 ? 1 : 0);
        int flags = 0;
        if (doShuffle == SHUFFLE) {
            flags |= FLAG_SHUFFLE;
        } else if (doShuffle == BITSHUFFLE) {
            flags |= FLAG_BITSHUFFLE;
        }
        boolean split = splitBlock(compressor, typesize, bs);
        if (!split) {
            flags |= FLAG_DONT_SPLIT;
        }
        flags |= compressor.format << 5;
        if (clevel > 0 && nbytes >= MIN_BUFFERSIZE) {
            byte[] frame = compressBlocks(raw, typesize, bs, nblocks, flags, split);
            if (frame != null) {
                return frame;
            }
        }
        byte[] frame = new byte[HEADER + nbytes];
        writeHeader(frame, flags | FLAG_MEMCPYED, typesize, nbytes, bs, HEADER + nbytes);
        System.arraycopy(raw, 0, frame, HEADER, nbytes);
        return frame;
    }

    private static void writeHeader(byte[] f, int flags, int typesize, int nbytes, int blocksize, int cbytes) {
        f[0] = 2;
        f[1] = 1;
        f[2] = (byte) flags;
        f[3] = (byte) typesize;
        LittleEndian.putInt(f, 4, nbytes);
        LittleEndian.putInt(f, 8, blocksize);
        LittleEndian.putInt(f, 12, cbytes);
    }

    /** Returns the frame, or null when the data does not compress into nbytes + 16 (then it is memcpyed). */
    private byte[] compressBlocks(byte[] raw, int typesize, int bs, int nblocks, int flags, boolean split) {
        int nbytes = raw.length;
        int maxbytes = nbytes + HEADER;
        byte[] dest = new byte[maxbytes];
        int ntbytes = HEADER + 4 * nblocks;
        if (ntbytes > maxbytes) {
            return null;
        }
        boolean byteShuffle = (flags & FLAG_SHUFFLE) != 0 && typesize > 1;
        boolean bitShuffle = (flags & FLAG_BITSHUFFLE) != 0;
        int leftover = nbytes % bs;
        for (int j = 0; j < nblocks; j++) {
            boolean last = j == nblocks - 1 && leftover > 0;
            int bsize = last ? leftover : bs;
            int off = j * bs;
            LittleEndian.putInt(dest, HEADER + 4 * j, ntbytes);
            byte[] in = raw;
            int inOff = off;
            if (byteShuffle) {
                in = scratch(0, bsize);
                inOff = 0;
                Shuffle.shuffle(typesize, raw, off, in, 0, bsize);
            } else if (bitShuffle && bsize >= typesize) {
                in = scratch(0, bsize);
                inOff = 0;
                Shuffle.bitshuffle(typesize, raw, off, in, 0, bsize);
            }
            int nsplits = split && !last ? typesize : 1;
            int neblock = bsize / nsplits;
            for (int s = 0; s < nsplits; s++) {
                if (ntbytes + 4 > maxbytes) {
                    return null;
                }
                int sizePos = ntbytes;
                ntbytes += 4;
                byte[] tmp = scratch(1, compressor.maxCompressedLength(neblock));
                int c = compressor.compress(in, inOff + s * neblock, neblock, tmp, 0, clevel);
                if (c <= 0 || c >= neblock) {
                    c = neblock; // incompressible stream: stored raw (a size equal to the raw size means raw)
                    if (ntbytes + c > maxbytes) {
                        return null;
                    }
                    System.arraycopy(in, inOff + s * neblock, dest, ntbytes, c);
                } else {
                    if (ntbytes + c > maxbytes) {
                        return null;
                    }
                    System.arraycopy(tmp, 0, dest, ntbytes, c);
                }
                LittleEndian.putInt(dest, sizePos, c);
                ntbytes += c;
            }
        }
        writeHeader(dest, flags, typesize, nbytes, bs, ntbytes);
        return java.util.Arrays.copyOf(dest, ntbytes);
    }
}
