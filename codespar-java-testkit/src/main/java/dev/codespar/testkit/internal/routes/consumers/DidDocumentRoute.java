package dev.codespar.testkit.internal.routes.consumers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * {@code GET /v1/agents/{did}/did.json} (no key): the DID document of an agent, its Ed25519 keys as
 * {@code JsonWebKey2020} verification methods ({@code publicKeyJwk {kty: OKP, crv: Ed25519, x}}).
 */
public final class DidDocumentRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public DidDocumentRoute(World world) {
        this.world = world;
    }

    /**
     * The request (the DID percent-encoded in the path).
     *
     * @param ex the request
     * @return the document, or 404
     */
    public Answer document(Exchange ex) {
        String did = ex.param("did");
        ObjectNode doc = Json.object();
        ArrayNode context = doc.putArray("@context");
        context.add("https://www.w3.org/ns/did/v1").add("https://w3id.org/security/suites/jws-2020/v1");
        doc.put("id", did);
        ArrayNode methods = doc.putArray("verificationMethod");
        ArrayNode authentication = doc.putArray("authentication");
        ArrayNode assertion = doc.putArray("assertionMethod");
        for (Map.Entry<String, String> key : world.config.agentKeys().entrySet()) {
            String kid = key.getKey();
            if (!kid.startsWith(did + "#")) {
                continue;
            }
            ObjectNode m = methods.addObject();
            m.put("id", kid);
            m.put("type", "JsonWebKey2020");
            m.put("controller", did);
            byte[] raw = HexFormat.of().parseHex(key.getValue());
            m.putObject("publicKeyJwk").put("kty", "OKP").put("crv", "Ed25519")
                    .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
            authentication.add(kid);
            assertion.add(kid);
        }
        if (methods.isEmpty()) {
            throw Answer.notFound(ex, "No DID document for " + did);
        }
        return Answer.json(200, doc);
    }
}
