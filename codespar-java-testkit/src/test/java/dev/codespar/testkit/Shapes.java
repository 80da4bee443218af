package dev.codespar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Field checks in the manner of the official contract descriptors: a field is checked when required or present (not
 * null), against a kind ({@code string}, {@code string-enum}, {@code number}, {@code boolean}, {@code array},
 * {@code object}, and {@code string?}-style nullable kinds for the TypeScript {@code T | null} fields).
 */
final class Shapes {

    private Shapes() {}

    /** One rule. */
    record Field(String name, String kind, boolean required, List<String> values) {
        static Field req(String name, String kind, String... values) {
            return new Field(name, kind, true, List.of(values));
        }

        static Field opt(String name, String kind, String... values) {
            return new Field(name, kind, false, List.of(values));
        }
    }

    /** The violations of an object against rules; empty when it conforms. */
    static List<String> check(String shape, JsonNode obj, List<Field> fields) {
        List<String> out = new ArrayList<>();
        if (obj == null || !obj.isObject()) {
            out.add(shape + ": expected an object, got " + obj);
            return out;
        }
        for (Field f : fields) {
            boolean nullable = f.kind().endsWith("?");
            String kind = nullable ? f.kind().substring(0, f.kind().length() - 1) : f.kind();
            JsonNode v = obj.get(f.name());
            boolean present = v != null && !v.isNull();
            if (!present) {
                if (v == null && nullable && f.required()) {
                    out.add(shape + "." + f.name() + ": required (nullable) key is missing");
                } else if (f.required() && !nullable) {
                    out.add(shape + "." + f.name() + ": required field is missing");
                }
                continue;
            }
            if (!fits(kind, f.values(), v)) {
                out.add(shape + "." + f.name() + ": expected " + kind + f.values() + ", got " + v);
            }
        }
        return out;
    }

    static boolean fits(String kind, List<String> values, JsonNode v) {
        switch (kind) {
            case "string":
                return v.isTextual();
            case "string-enum":
                return v.isTextual() && values.contains(v.asText());
            case "number":
                return v.isNumber();
            case "boolean":
                return v.isBoolean();
            case "array":
                return v.isArray();
            case "object":
                return v.isObject();
            default:
                throw new IllegalArgumentException("unknown kind " + kind);
        }
    }

    /** The rules of a descriptor's wire shape ({@code {name, fields: [{name, kind, values?, required?}]}}). */
    static List<Field> fromDescriptor(JsonNode shape) {
        List<Field> out = new ArrayList<>();
        for (JsonNode f : shape.path("fields")) {
            List<String> values = new ArrayList<>();
            f.path("values").forEach(v -> values.add(v.asText()));
            out.add(new Field(f.get("name").asText(), f.get("kind").asText(), f.path("required").asBoolean(true),
                    values));
        }
        return out;
    }

    /** A golden data file of the contract. */
    static JsonNode golden(String name) {
        try (InputStream in = Shapes.class.getResourceAsStream("/contract/" + name)) {
            return Raw.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
