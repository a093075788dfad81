package frontier.array;

import frontier.array.graph.Op;

import java.util.List;

/**
 * {@code a OP b} for blocks of the same shape, or a block and a scalar (scalarLeft: the
 * scalar is the left operand). Integer results use 64-bit integer arithmetic then wrap to the
 * result dtype, as numpy does; float results use double arithmetic, rounded to the result dtype
 * (exact for float32 +,-,*,/ since double keeps more than twice float32's precision).
 */
public record Elementwise(BinaryOp op, DType out, Number scalar, boolean scalarLeft) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        NdArray a = (NdArray) inputs.get(0);
        NdArray r = NdArray.zeros(out, a.shape());
        int n = a.size();
        boolean integer = !out.isFloat() && op != BinaryOp.DIV;
        if (scalar != null) {
            if (integer) {
                long s = scalar.longValue();
                for (int i = 0; i < n; i++) {
                    long x = a.getLong(i);
                    r.setLong(i, scalarLeft ? op.applyLong(s, x) : op.applyLong(x, s));
                }
            } else {
                double s = scalar.doubleValue();
                for (int i = 0; i < n; i++) {
                    double x = a.getDouble(i);
                    r.setDouble(i, scalarLeft ? op.applyDouble(s, x) : op.applyDouble(x, s));
                }
            }
            return r;
        }
        NdArray b = (NdArray) inputs.get(1);
        if (b.ndim() == 0 && a.ndim() > 0) {
            // b is a 0-d array broadcast over a; scalarLeft: it is the left operand
            if (integer) {
                long s = b.getLong(0);
                for (int i = 0; i < n; i++) r.setLong(i, scalarLeft ? op.applyLong(s, a.getLong(i)) : op.applyLong(a.getLong(i), s));
            } else {
                double s = b.getDouble(0);
                for (int i = 0; i < n; i++) r.setDouble(i, scalarLeft ? op.applyDouble(s, a.getDouble(i)) : op.applyDouble(a.getDouble(i), s));
            }
            return r;
        }
        if (integer) {
            for (int i = 0; i < n; i++) r.setLong(i, op.applyLong(a.getLong(i), b.getLong(i)));
        } else {
            for (int i = 0; i < n; i++) r.setDouble(i, op.applyDouble(a.getDouble(i), b.getDouble(i)));
        }
        return r;
    }

    @Override
    public boolean mayShareInput() {
        return false;
    }

    @Override
    public String name() {
        return op.name().toLowerCase();
    }
}
