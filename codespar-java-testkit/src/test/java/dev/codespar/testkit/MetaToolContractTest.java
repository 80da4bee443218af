package dev.codespar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official conformance descriptors (meta-tool-contracts.json) run against the fake, as the official kit runs
 * them against a backend: every action's wire shape, the "Tool not registered" rule and the malformed-input rule,
 * in both dialects.
 */
class MetaToolContractTest {

    static Stream<Arguments> cases() {
        JsonNode contracts = Shapes.golden("meta-tool-contracts.json");
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : Dialect.values()) {
            contracts.fieldNames().forEachRemaining(tool -> out.add(Arguments.of(d, tool)));
        }
        return out.stream();
    }

    /** Execute as the kit does: a non-2xx answer is a failed result carrying the status and body. */
    private static JsonNode execute(Raw raw, String session, String tool, JsonNode input) {
        ObjectNode body = Raw.JSON.createObjectNode().put("tool", tool);
        body.set("input", input);
        Raw.Reply r = raw.post("/v1/sessions/" + session + "/execute", body.toString());
        if (r.code() / 100 != 2) {
            return Raw.JSON.createObjectNode().put("success", false).put("error", r.code() + ": " + r.body());
        }
        return r.json();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theFakeConformsToTheOfficialDescriptor(Dialect dialect, String tool) {
        JsonNode d = Shapes.golden("meta-tool-contracts.json").get(tool);
        try (FakeCodeSpar fake = FakeCodeSpar.builder().dialect(dialect).start(); Raw raw = new Raw(fake)) {
            // the kit posts servers []; a managed backend needs one seeded server, as the kit's docs say
            String servers = dialect == Dialect.HOSTED ? "[\"asaas\"]" : "[]";
            String session = raw.post("/v1/sessions", "{\"servers\":" + servers + ",\"user_id\":\"conformance-suite\"}")
                    .json().get("id").asText();
            List<String> violations = new ArrayList<>();
            if (d.has("stateMachine")) {
                for (JsonNode action : d.at("/stateMachine/actions")) {
                    ObjectNode input = Raw.JSON.createObjectNode().put("action", action.get("action").asText());
                    input.setAll((ObjectNode) action.get("sampleInput"));
                    JsonNode result = execute(raw, session, tool, input);
                    assertThat(result.get("success").asBoolean()).as(tool + " " + input + " -> " + result).isTrue();
                    violations.addAll(Shapes.check(action.at("/result/name").asText(), result.get("data"),
                            Shapes.fromDescriptor(action.get("result"))));
                }
            } else {
                JsonNode result = execute(raw, session, tool, d.at("/singleShot/sampleInput"));
                assertThat(result.get("success").asBoolean()).as(tool + " -> " + result).isTrue();
                violations.addAll(Shapes.check(d.at("/singleShot/result/name").asText(), result.get("data"),
                        Shapes.fromDescriptor(d.at("/singleShot/result"))));
            }
            assertThat(violations).isEmpty();

            JsonNode unregistered = execute(raw, session, tool + "__unregistered_probe", Raw.JSON.createObjectNode());
            assertThat(unregistered.get("success").asBoolean()).isFalse();
            assertThat(unregistered.get("error").asText()).startsWith(d.at("/errors/unregisteredErrorPrefix").asText());

            ObjectNode malformed = Raw.JSON.createObjectNode();
            if (d.at("/errors/malformedAction").isTextual()) {
                malformed.put("action", d.at("/errors/malformedAction").asText());
            }
            malformed.setAll((ObjectNode) d.at("/errors/malformedInput"));
            JsonNode refused = execute(raw, session, tool, malformed);
            assertThat(refused.get("success").asBoolean()).as(tool + " " + malformed).isFalse();
            assertThat(refused.get("error").asText()).isNotBlank();
            assertThat(refused.get("error").asText()).as("a typed failure, not an HTTP error")
                    .doesNotMatch("^\\d{3}: .*");
        }
    }
}
