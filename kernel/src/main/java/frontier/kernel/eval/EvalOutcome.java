package frontier.kernel.eval;

/** The end of a cell: the last expression's value (when it has one), or the error. */
public record EvalOutcome(boolean hasValue, Object value, CellError error) {
    public static final EvalOutcome NOTHING = new EvalOutcome(false, null, null);

    public static EvalOutcome value(Object v) {
        return new EvalOutcome(true, v, null);
    }

    public static EvalOutcome failed(CellError e) {
        return new EvalOutcome(false, null, e);
    }
}
