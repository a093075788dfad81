package frontier.zarr.codec;

import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The codecs blosc runs on each stream of a block. The format code is what the frame's flags store
 * (bits 5..7); lz4 and lz4hc share the LZ4 block format. aircompressor's (de)compressors keep
 * tables, so each thread gets its own.
 */
enum BloscCompressor {
    BLOSCLZ("blosclz", 0, false, 300),
    LZ4("lz4", 1, false, 300),
    LZ4HC("lz4hc", 1, true, 300),
    SNAPPY("snappy", 2, false, 64),
    ZLIB("zlib", 3, true, 1100),
    ZSTD("zstd", 4, true, 1 << 16);

    private static final ThreadLocal<Lz4Decompressor> LZ4_D = ThreadLocal.withInitial(Lz4Decompressor::new);
    private static final ThreadLocal<Lz4Compressor> LZ4_C = ThreadLocal.withInitial(Lz4Compressor::new);
    private static final ThreadLocal<SnappyDecompressor> SNAPPY_D = ThreadLocal.withInitial(SnappyDecompressor::new);
    private static final ThreadLocal<SnappyCompressor> SNAPPY_C = ThreadLocal.withInitial(SnappyCompressor::new);
    private static final ThreadLocal<ZstdDecompressor> ZSTD_D = ThreadLocal.withInitial(ZstdDecompressor::new);
    private static final ThreadLocal<ZstdCompressor> ZSTD_C = ThreadLocal.withInitial(ZstdCompressor::new);

    final String cname;
    final int format;
    /** c-blosc's "high compression ratio" codecs get larger automatic blocks. */
    final boolean hcr;

    /**
     * A bound on decoded/encoded bytes for this codec's streams (LZ4 and BloscLZ add at most 255 bytes
     * per input byte, deflate ~1032, zstd's RLE blocks far more); headers claiming more are lying.
     */
    final long maxRatio;

    BloscCompressor(String cname, int format, boolean hcr, long maxRatio) {
        this.cname = cname;
        this.format = format;
        this.hcr = hcr;
        this.maxRatio = maxRatio;
    }

    static BloscCompressor byName(String cname) throws CodecException {
        for (BloscCompressor c : values()) {
            if (c.cname.equals(cname)) {
                return c;
            }
        }
        throw new CodecException("unknown blosc cname '" + cname + "' (known: blosclz, lz4, lz4hc, snappy, zlib, zstd)");
    }

    static BloscCompressor byFormat(int format) throws CodecException {
        return switch (format) {
            case 0 -> BLOSCLZ;
            case 1 -> LZ4;
            case 2 -> SNAPPY;
            case 3 -> ZLIB;
            case 4 -> ZSTD;
            default -> throw new CodecException("blosc frame names unknown internal codec format " + format);
        };
    }

    /**
     * Decodes one stream src[off..off+len) into exactly dst[dOff..dOff+n); anything else is an error.
     */
    void decompress(byte[] src, int off, int len, byte[] dst, int dOff, int n) throws CodecException {
        int got;
        try {
            got = switch (this) {
                case BLOSCLZ -> BloscLz.decompress(src, off, len, dst, dOff, n);
                case LZ4, LZ4HC -> NativeLz4.available() ? NativeLz4.decompress(src, off, len, dst, dOff, n)
                        : LZ4_D.get().decompress(src, off, len, dst, dOff, n);
                case SNAPPY -> {
                    int declared = SnappyDecompressor.getUncompressedLength(src, off);
                    if (declared != n) {
                        throw new CodecException("snappy stream declares " + declared + " bytes, expected " + n);
                    }
                    yield SNAPPY_D.get().decompress(src, off, len, dst, dOff, n);
                }
                case ZLIB -> inflate(src, off, len, dst, dOff, n);
                case ZSTD -> ZSTD_D.get().decompress(src, off, len, dst, dOff, n);
            };
        } catch (CodecException e) {
            throw e;
        } catch (RuntimeException e) {
            // aircompressor reports corrupt input as MalformedInputException (and, on some paths, index errors)
            throw new CodecException("corrupt " + cname + " stream in blosc frame: " + e.getMessage(), e);
        }
        if (got != n) {
            throw new CodecException("blosc " + cname + " stream decoded to " + got + " bytes, expected " + n);
        }
    }

    private static int inflate(byte[] src, int off, int len, byte[] dst, int dOff, int n) throws CodecException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(src, off, len);
            int total = 0;
            while (total < n) {
                int k = inf.inflate(dst, dOff + total, n - total);
                total += k;
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
            }
            if (!inf.finished()) {
                throw new CodecException("blosc zlib stream is truncated or longer than its " + n + "-byte block");
            }
            return total;
        } catch (DataFormatException e) {
            throw new CodecException("corrupt zlib stream in blosc frame: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    /** Upper bound of compress()'s output for n input bytes. */
    int maxCompressedLength(int n) {
        return switch (this) {
            case BLOSCLZ -> n + n / 32 + 66;
            case LZ4, LZ4HC -> LZ4_C.get().maxCompressedLength(n);
            case SNAPPY -> SNAPPY_C.get().maxCompressedLength(n);
            case ZLIB -> n + n / 1000 + (n >> 12) + (n >> 14) + (n >> 25) + 64;
            case ZSTD -> ZSTD_C.get().maxCompressedLength(n);
        };
    }

    /**
     * Compresses src[off..off+n) into dst (capacity at least maxCompressedLength(n)); returns the size,
     * or -1 when this codec declines (blosclz on tiny input). lz4hc uses plain LZ4 (aircompressor has no HC
     * mode) and zstd aircompressor's single level: both are valid streams, only the ratio differs.
     */
    int compress(byte[] src, int off, int n, byte[] dst, int dOff, int clevel) {
        return switch (this) {
            case BLOSCLZ -> BloscLz.compress(src, off, n, dst, dOff, dst.length - dOff);
            case LZ4, LZ4HC -> LZ4_C.get().compress(src, off, n, dst, dOff, dst.length - dOff);
            case SNAPPY -> SNAPPY_C.get().compress(src, off, n, dst, dOff, dst.length - dOff);
            case ZSTD -> ZSTD_C.get().compress(src, off, n, dst, dOff, dst.length - dOff);
            case ZLIB -> {
                Deflater def = new Deflater(clevel);
                try {
                    def.setInput(src, off, n);
                    def.finish();
                    int total = 0;
                    while (!def.finished()) {
                        int k = def.deflate(dst, dOff + total, dst.length - dOff - total);
                        total += k;
                        if (k == 0 && dOff + total >= dst.length) {
                            yield -1;
                        }
                    }
                    yield total;
                } finally {
                    def.end();
                }
            }
        };
    }
}
