package frontier.array;

/** The elementwise arithmetic operators. */
public enum BinaryOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/");

    final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    long applyLong(long a, long b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            default: throw new AssertionError("integer division is true division");
        }
    }

    double applyDouble(double a, double b) {
        switch (this) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            default: return a / b;
        }
    }

    public String symbol() {
        return symbol;
    }
}
