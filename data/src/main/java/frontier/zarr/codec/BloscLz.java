package frontier.zarr.codec;

/**
 * BloscLZ, blosc's own LZ77 format (a FastLZ level-1 variant with far matches). Written from the
 * format: a token byte below 32 starts a literal run of token+1 bytes; otherwise the top 3 bits give
 * the match length - 2 (7 = longer, extended by bytes summed while 255), the low 5 bits and the next
 * byte the distance - 1 (below 8191); distance field 8191 (31,255) means a 16-bit big-endian far
 * distance follows, added to 8191. The first token is always a literal run (its top bits are a marker).
 */
final class BloscLz {
    static final int MAX_COPY = 32;
    static final int MAX_DISTANCE = 8191;
    static final int MAX_FAR_DISTANCE = 65535 + MAX_DISTANCE + 1;
    private static final int HASH_LOG = 13;
    private static final ThreadLocal<int[]> HASH = ThreadLocal.withInitial(() -> new int[1 << HASH_LOG]);

    private BloscLz() {
    }

    /** Decodes exactly one stream; returns the number of bytes written. Throws on any malformed input. */
    static int decompress(byte[] in, int ip, int inLen, byte[] out, int op0, int maxOut) throws CodecException {
        final int ipLimit = ip + inLen;
        final long opLimit = (long) op0 + maxOut;
        int op = op0;
        if (inLen == 0) {
            return 0;
        }
        int ctrl = in[ip++] & 31;
        while (true) {
            if (ctrl >= 32) {
                long len = (ctrl >>> 5) - 1;
                int ofs = (ctrl & 31) << 8;
                int code;
                if (len == 6) {
                    do {
                        if (ip + 1 >= ipLimit) {
                            throw bad("match length runs past the end of the stream");
                        }
                        code = in[ip++] & 0xFF;
                        len += code;
                    } while (code == 255);
                } else if (ip + 1 >= ipLimit) {
                    throw bad("match runs past the end of the stream");
                }
                code = in[ip++] & 0xFF;
                len += 3;
                int dist = ofs + code + 1;
                if (code == 255 && ofs == (31 << 8)) {
                    if (ip + 1 >= ipLimit) {
                        throw bad("far match distance runs past the end of the stream");
                    }
                    dist = (((in[ip] & 0xFF) << 8) | (in[ip + 1] & 0xFF)) + MAX_DISTANCE + 1;
                    ip += 2;
                }
                if (op + len > opLimit) {
                    throw bad("match of " + len + " bytes overflows the " + maxOut + "-byte output");
                }
                if (op - dist < op0) {
                    throw bad("match distance " + dist + " points before the start of the output");
                }
                if (ip >= ipLimit) {
                    break; // as c-blosc: a trailing match is not copied (valid streams end with literals)
                }
                ctrl = in[ip++] & 0xFF;
                int n = (int) len;
                int ref = op - dist;
                if (dist >= n) {
                    System.arraycopy(out, ref, out, op, n);
                } else if (dist == 1) {
                    java.util.Arrays.fill(out, op, op + n, out[ref]);
                } else {
                    for (int i = 0; i < n; i++) {
                        out[op + i] = out[ref + i];
                    }
                }
                op += n;
            } else {
                int n = ctrl + 1;
                if (op + n > opLimit) {
                    throw bad("literal run of " + n + " bytes overflows the " + maxOut + "-byte output");
                }
                if (ip + n > ipLimit) {
                    throw bad("literal run of " + n + " bytes runs past the end of the stream");
                }
                System.arraycopy(in, ip, out, op, n);
                op += n;
                ip += n;
                if (ip >= ipLimit) {
                    break;
                }
                ctrl = in[ip++] & 0xFF;
            }
        }
        return op - op0;
    }

    private static CodecException bad(String what) {
        return new CodecException("corrupt blosclz stream: " + what);
    }

    /**
     * Compresses in[off..off+len) into out[outOff..outOff+maxOut). Returns the compressed size, or -1
     * when the input is too small or the result does not fit (the caller then stores the bytes raw).
     * A greedy hash-chain-free LZ77: not byte-identical to c-blosc, but the same format.
     */
    static int compress(byte[] in, int off, int len, byte[] out, int outOff, int maxOut) {
        if (len < 16 || maxOut < 66) {
            return -1;
        }
        int[] htab = HASH.get();
        java.util.Arrays.fill(htab, -1);
        final int end = off + len;
        final int matchEnd = end - 1;       // leave at least one literal at the end
        final int searchLimit = end - 12;
        final int outLimit = outOff + maxOut;
        int op = outOff;
        int anchor = off;
        int ip = off + 1;                   // the first token must be a literal
        while (ip < searchLimit) {
            int seq = LittleEndian.getInt(in, ip);
            int h = (seq * 0x9E3779B1) >>> (32 - HASH_LOG);
            int ref = htab[h];
            htab[h] = ip;
            if (ref < 0 || ip - ref > MAX_FAR_DISTANCE || LittleEndian.getInt(in, ref) != seq) {
                ip++;
                continue;
            }
            int mlen = 4;
            while (ip + mlen < matchEnd && in[ref + mlen] == in[ip + mlen]) {
                mlen++;
            }
            int d = ip - ref - 1;
            if (d >= MAX_DISTANCE && mlen < 6) {
                ip++;
                continue;
            }
            op = literals(in, anchor, ip - anchor, out, op, outLimit);
            if (op < 0) {
                return -1;
            }
            op = match(mlen, d, out, op, outLimit);
            if (op < 0) {
                return -1;
            }
            ip += mlen;
            anchor = ip;
            if (ip < searchLimit) {
                htab[(LittleEndian.getInt(in, ip - 1) * 0x9E3779B1) >>> (32 - HASH_LOG)] = ip - 1;
            }
        }
        op = literals(in, anchor, end - anchor, out, op, outLimit);
        if (op < 0) {
            return -1;
        }
        out[outOff] |= 1 << 5; // blosclz marker in the first token
        return op - outOff;
    }

    private static int literals(byte[] in, int from, int n, byte[] out, int op, int outLimit) {
        while (n > 0) {
            int run = Math.min(n, MAX_COPY);
            if (op + 1 + run > outLimit) {
                return -1;
            }
            out[op++] = (byte) (run - 1);
            System.arraycopy(in, from, out, op, run);
            op += run;
            from += run;
            n -= run;
        }
        return op;
    }

    private static int match(int mlen, int d, byte[] out, int op, int outLimit) {
        boolean far = d >= MAX_DISTANCE;
        int dist = far ? d - MAX_DISTANCE : d;
        int hi = far ? 31 : dist >>> 8;
        int code = mlen - 2;
        if (op + 5 + (mlen / 255) > outLimit) {
            return -1;
        }
        if (code < 7) {
            out[op++] = (byte) ((code << 5) + hi);
        } else {
            out[op++] = (byte) ((7 << 5) + hi);
            int rem = mlen - 9;
            for (; rem >= 255; rem -= 255) {
                out[op++] = (byte) 255;
            }
            out[op++] = (byte) rem;
        }
        if (far) {
            out[op++] = (byte) 255;
            out[op++] = (byte) (dist >>> 8);
            out[op++] = (byte) dist;
        } else {
            out[op++] = (byte) dist;
        }
        return op;
    }
}
