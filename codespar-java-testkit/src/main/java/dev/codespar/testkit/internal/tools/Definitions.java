package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions the fake advertises for its meta-tools ({@code name, description, input_schema}), and the check
 * of an input against one. {@code codespar_pay}, {@code codespar_invoice} and {@code codespar_notify} are the
 * published definitions, byte for byte; the others are the fake's own, written from the SDK types.
 */
public final class Definitions {

    /** The fourteen meta-tools, in catalogue order. */
    public static final List<String> META_TOOLS = List.of("codespar_shop", "codespar_wallet", "codespar_pay",
            "codespar_crypto_pay", "codespar_issue", "codespar_checkout", "codespar_charge", "codespar_invoice",
            "codespar_ship", "codespar_notify", "codespar_kyc", "codespar_ledger", "codespar_discover",
            "codespar_manage_connections");

    private static final Map<String, ObjectNode> DEFINITIONS = load();

    private Definitions() {}

    private static Map<String, ObjectNode> load() {
        Map<String, ObjectNode> all = new LinkedHashMap<>();
        JsonNode own = read("fake-tool-definitions.json");
        JsonNode published = read("published-tool-definitions.json");
        for (String name : META_TOOLS) {
            JsonNode d = published.has(name) ? published.get(name) : own.get(name);
            if (d == null) {
                throw new IllegalStateException("no definition for " + name);
            }
            ObjectNode def = Json.object();
            def.put("name", name);
            def.set("description", d.get("description"));
            def.set("input_schema", d.get("input_schema"));
            all.put(name, def);
        }
        return all;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Definitions.class.getResourceAsStream("/dev/codespar/testkit/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a name is a meta-tool.
     *
     * @param tool a tool name
     * @return {@code true} for the fourteen
     */
    public static boolean isMetaTool(String tool) {
        return DEFINITIONS.containsKey(tool);
    }

    /**
     * A definition.
     *
     * @param tool a meta-tool
     * @return a copy of {@code {name, description, input_schema}}, or {@code null}
     */
    public static ObjectNode of(String tool) {
        ObjectNode d = DEFINITIONS.get(tool);
        return d == null ? null : d.deepCopy();
    }

    /**
     * Checks an input against a definition: every {@code required} property present and not null, every present
     * property of its declared type.
     *
     * @param tool a meta-tool
     * @param input the input object
     * @throws ToolInputError naming the first problem
     */
    public static void check(String tool, JsonNode input) {
        ObjectNode d = DEFINITIONS.get(tool);
        if (d == null) {
            return;
        }
        JsonNode schema = d.get("input_schema");
        for (JsonNode required : schema.path("required")) {
            JsonNode v = input.get(required.asText());
            if (v == null || v.isNull()) {
                throw new ToolInputError("Missing required field: " + required.asText());
            }
        }
        Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = input.get(p.getKey());
            if (v == null || v.isNull()) {
                continue;
            }
            String type = p.getValue().path("type").asText();
            if (!fits(type, v)) {
                throw new ToolInputError(p.getKey() + " must be " + article(type) + " " + type);
            }
        }
    }

    private static boolean fits(String type, JsonNode v) {
        switch (type) {
            case "string":
                return v.isTextual();
            case "number":
                return v.isNumber();
            case "integer":
                return v.isIntegralNumber();
            case "boolean":
                return v.isBoolean();
            case "object":
                return v.isObject();
            case "array":
                return v.isArray();
            default:
                return true;
        }
    }

    private static String article(String type) {
        return type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an" : "a";
    }
}
