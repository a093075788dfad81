package frontier.ome;

import java.util.List;

/** {@code plate}: rows and columns by name, the wells present, acquisitions. */
public record Plate(String version, String name, List<String> rows, List<String> columns, List<WellRef> wells,
                    List<Acquisition> acquisitions, Integer fieldCount) {

    public record WellRef(String path, Integer rowIndex, Integer columnIndex) {
    }

    public record Acquisition(Object id, String name, Integer maximumFieldCount) {
    }
}
