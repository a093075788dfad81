package frontier.array;


/** The reductions, with numpy's result dtypes. */
public enum ReduceKind {
    SUM, MIN, MAX, MEAN, STD;

    public DType resultType(DType in) {
        switch (this) {
            case SUM: return Promotion.sum(in);
            case MIN: case MAX: return in;
            default: return Promotion.mean(in);
        }
    }

    /** Whether partial values accumulate as 64-bit integers (else as doubles). */
    boolean integerAccumulator(DType in) {
        return (this == SUM || this == MIN || this == MAX) && !in.isFloat() && !in.isComplex();
    }
}
