package frontier.zarr;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ZarrJson's reading: the value types metadata code relies on, and malformed input named. */
class ZarrJsonParseTest {
    private static Object parse(String json) throws ZarrFormatException {
        return ZarrJson.parse(json.getBytes(StandardCharsets.UTF_8), "k/.zarray");
    }

    @Test
    void valuesKeepTheirJsonTypesAndObjectsTheirKeyOrder() throws ZarrFormatException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) parse(
                "{\"z\": 1, \"a\": [2147483648, 123456789012345678901234567890, -0.5, 1e-05], \"m\": {\"x\": null, \"t\": true, \"f\": false},"
                        + " \"s\": \"\\u00e9\", \"n\": NaN, \"i\": -Infinity, \"e\": {}, \"l\": []}");
        assertEquals(List.of("z", "a", "m", "s", "n", "i", "e", "l"), new ArrayList<>(m.keySet()));
        assertEquals(Integer.valueOf(1), m.get("z"));
        assertEquals(List.of(2147483648L, new BigInteger("123456789012345678901234567890"), -0.5, 1e-05), m.get("a"));
        assertInstanceOf(Long.class, ((List<?>) m.get("a")).get(0));
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) m.get("m");
        assertTrue(inner.containsKey("x"));
        assertNull(inner.get("x"));
        assertEquals(Boolean.TRUE, inner.get("t"));
        assertEquals(Boolean.FALSE, inner.get("f"));
        assertEquals("é", m.get("s"));
        assertTrue(Double.isNaN((Double) m.get("n")));
        assertEquals(Double.NEGATIVE_INFINITY, m.get("i"));
        assertEquals(Map.of(), m.get("e"));
        assertEquals(List.of(), m.get("l"));
        assertEquals("a string", assertThrows(ZarrFormatException.class,
                () -> ZarrJson.parseObject("\"x\"".getBytes(StandardCharsets.UTF_8), "k")).getMessage().replaceAll(".*got ", ""));
    }

    @Test
    void aRepeatedKeyKeepsItsLastValue() throws ZarrFormatException {
        assertEquals(Map.of("a", 2), parse("{\"a\": 1, \"a\": 2}"));
    }

    @Test
    void malformedEmptyTruncatedAndDeeplyNestedInputNameTheKey() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        for (String bad : List.of("", "   ", "{\"a\": ", "{\"a\" 1}", "[1, 2", "{'a': 1}", deep)) {
            ZarrFormatException e = assertThrows(ZarrFormatException.class, () -> parse(bad), bad.length() > 20 ? "deep" : bad);
            assertTrue(e.getMessage().startsWith("invalid JSON in k/.zarray: "), e.getMessage());
        }
    }
}
