package frontier.ipfs.importer;

import java.util.Arrays;

/** Parses Kubo's {@code --chunker} strings with boxo's rules and limits. */
public final class Chunkers {
    /** boxo's limit: a 2 MiB block minus 256 bytes of framing budget. */
    public static final int CHUNK_SIZE_LIMIT = 2 * 1024 * 1024 - 256;
    public static final int DEFAULT_SIZE = 262144;

    private Chunkers() {
    }

    public static Chunker.Factory parse(String spec) {
        if (spec == null || spec.isEmpty() || spec.equals("default")) {
            return sized(DEFAULT_SIZE);
        }
        String name = spec.contains("-") ? spec.substring(0, spec.indexOf('-')) : spec;
        String[] parts = spec.split("-", -1);
        switch (name) {
            case "size": {
                if (parts.length != 2) {
                    throw bad(spec, "incorrect chunker string format (expected size-{size})");
                }
                int size = integer(spec, parts[1]);
                if (size <= 0) {
                    throw bad(spec, "chunker size must be greater than 0");
                }
                if (size > CHUNK_SIZE_LIMIT) {
                    throw bad(spec, "chunker parameters may not exceed the maximum chunk size of " + CHUNK_SIZE_LIMIT);
                }
                return sized(size);
            }
            case "buzhash":
                return BuzhashChunker::new;
            case "rabin": {
                long min;
                long avg;
                long max;
                if (parts.length == 1) {
                    avg = DEFAULT_SIZE;
                    min = avg / 3;
                    max = avg + avg / 2;
                } else if (parts.length == 2) {
                    avg = integer(spec, parts[1]);
                    if ((int) (avg * 1.5f) > CHUNK_SIZE_LIMIT) {
                        throw bad(spec, "chunker parameters may not exceed the maximum chunk size of " + CHUNK_SIZE_LIMIT);
                    }
                    min = avg / 3;
                    max = avg + avg / 2;
                } else if (parts.length == 4) {
                    min = labelled(spec, parts[1], "min");
                    if (min < 16) {
                        throw bad(spec, "rabin min must be greater than 16");
                    }
                    avg = labelled(spec, parts[2], "avg");
                    max = labelled(spec, parts[3], "max");
                    if (min >= avg) {
                        throw bad(spec, "incorrect format: rabin-min must be smaller than rabin-avg");
                    }
                    if (avg >= max) {
                        throw bad(spec, "incorrect format: rabin-avg must be smaller than rabin-max");
                    }
                    if (max > CHUNK_SIZE_LIMIT) {
                        throw bad(spec, "chunker parameters may not exceed the maximum chunk size of " + CHUNK_SIZE_LIMIT);
                    }
                } else {
                    throw bad(spec, "incorrect format (expected 'rabin' 'rabin-[avg]' or 'rabin-[min]-[avg]-[max]'");
                }
                long fmin = min;
                long favg = avg;
                long fmax = max;
                return in -> new RabinChunker(in, fmin, favg, fmax);
            }
            default:
                throw bad(spec, "unrecognized chunker option: " + spec);
        }
    }

    private static Chunker.Factory sized(int size) {
        return new Chunker.Factory() {
            @Override
            public Chunker open(java.io.InputStream in) {
                return new SizeChunker(in, size);
            }

            @Override
            public Chunker open(java.io.InputStream in, long expectedLength) {
                return new SizeChunker(in, size, expectedLength);
            }
        };
    }

    private static long labelled(String spec, String part, String label) {
        String[] sub = part.split(":", -1);
        if (sub.length > 1 && !sub[0].equals(label)) {
            throw bad(spec, "label must be " + label + " in " + Arrays.toString(sub));
        }
        return integer(spec, sub[sub.length - 1]);
    }

    private static int integer(String spec, String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw bad(spec, "'" + s + "' is not a number");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad chunker '" + spec + "': " + why);
    }
}
