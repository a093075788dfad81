package frontier.ome;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NGFF JSON schemas of the versions that publish them (0.4, 0.5, 0.6rc0), kept in this jar
 * (resources frontier/ome/schemas/VERSION/, with their license) and run by networknt's
 * json-schema-validator as draft 2020-12, the draft they declare (the strict ones declare none and
 * get it by default, as the spec's own tests run them). References between schemas resolve inside the
 * jar: nothing is fetched.
 */
final class NgffSchemas {
    static final List<String> VERSIONS = List.of("0.4", "0.5", "0.6rc0");
    private static final Map<String, List<String>> FILES = Map.of(
            "0.4", List.of("bf2raw", "image", "label", "ome", "plate", "well", "strict_image", "strict_label", "strict_plate", "strict_well"),
            "0.5", List.of("_version", "bf2raw", "image", "label", "ome", "ome_zarr", "plate", "well",
                    "strict_image", "strict_label", "strict_plate", "strict_well"),
            "0.6rc0", List.of("_version", "axes", "bf2raw", "coordinate_systems", "coordinate_transformations", "image", "label",
                    "ome", "ome_zarr", "plate", "scene", "well", "strict_axes", "strict_coordinate_systems", "strict_image",
                    "strict_label", "strict_ome_zarr", "strict_plate", "strict_well"));
    private static final Map<String, NgffSchemas> LOADED = new ConcurrentHashMap<>();

    private final String version;
    private final SchemaRegistry registry;
    private final Map<String, String> idOf = new HashMap<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private NgffSchemas(String version) {
        this.version = version;
        Map<String, String> byId = new HashMap<>();
        for (String name : FILES.get(version)) {
            String text = resource(version, name);
            try {
                JsonNode s = OmeMetadata.JSON.readTree(text);
                String id = s.path("$id").asText();
                byId.put(id, text);
                idOf.put(name, id);
            } catch (IOException e) {
                throw new UncheckedIOException("the bundled schema " + version + "/" + name + ".schema is not JSON", e);
            }
        }
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(byId));
    }

    static NgffSchemas of(String version) {
        if (!FILES.containsKey(version)) throw new IllegalArgumentException("no NGFF schemas for version " + version);
        return LOADED.computeIfAbsent(version, NgffSchemas::new);
    }

    static boolean has(String version) {
        return FILES.containsKey(version);
    }

    /** Whether this version publishes a schema of that name ("image", "strict_image", "scene", ...). */
    boolean hasSchema(String name) {
        return idOf.containsKey(name);
    }

    /** The schema's $id, e.g. https://ngff.openmicroscopy.org/0.5/schemas/image.schema. */
    String id(String name) {
        return idOf.get(name);
    }

    /** Validates a group's attributes against the named schema. */
    List<Error> validate(String name, JsonNode attributes) {
        Schema s = compiled.computeIfAbsent(name, n -> registry.getSchema(SchemaLocation.of(idOf.get(n))));
        return new ArrayList<>(s.validate(attributes));
    }

    private static String resource(String version, String name) {
        String path = "frontier/ome/schemas/" + version + "/" + name + ".schema";
        try (InputStream in = NgffSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the bundled NGFF schema " + path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "NGFF " + version + " schemas";
    }
}
