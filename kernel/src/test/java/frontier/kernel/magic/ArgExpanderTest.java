package frontier.kernel.magic;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArgExpanderTest {
    private final Map<String, Object> vars = Map.of("url", "http://127.0.0.1:8000/6001240.zarr", "n", 3);

    private String expand(String s) {
        return ArgExpander.expand(s, vars::get, expr -> {
            if (expr.equals("n + 1")) return 4;
            throw new IllegalArgumentException("bad expression " + expr);
        });
    }

    @Test
    void variablesAndExpressions() {
        assertEquals("info http://127.0.0.1:8000/6001240.zarr --stats", expand("info $url --stats"));
        assertEquals("images/http://127.0.0.1:8000/6001240.zarr/0", expand("images/$url/0"));
        assertEquals("head -4", expand("head -${n + 1}"));
        assertEquals("cost $5 and $HOME", expand("cost $$5 and $HOME"));
        assertEquals("trailing $", expand("trailing $"));
        assertEquals("no dollars", expand("no dollars"));
    }

    @Test
    void badExpressionsAndUnclosedBracesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> expand("${nope}"));
        assertThrows(IllegalArgumentException.class, () -> expand("${n + 1"));
    }
}
