package frontier.array;

import frontier.array.graph.Op;

import java.util.List;

/** numpy's astype: integer to integer keeps the low bits, float to integer truncates. */
public record Cast(DType to) implements Op {
    @Override
    public Object apply(List<Object> inputs) {
        NdArray a = (NdArray) inputs.get(0);
        if (a.dtype() == to) return a;
        NdArray r = NdArray.zeros(to, a.shape());
        int n = a.size();
        DType from = a.dtype();
        if (from.isFloat() || to.isFloat() || to == DType.BOOL) {
            for (int i = 0; i < n; i++) r.setDouble(i, a.getDouble(i));
        } else {
            for (int i = 0; i < n; i++) r.setLong(i, a.getLong(i));
        }
        return r;
    }
}
