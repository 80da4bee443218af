package dev.codespar.mandate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** did:web to URL, the API path, and keys out of a DID document. */
class DidDocumentsTest {

    private static final String AGENT_DID = "did:web:id.codespar.dev:org_demo:a1";

    /** A DID document publishing the fixture's agent key as #1, among entries that must be skipped. */
    static String agentDocument() {
        String x = Base64Url.encode(MandateFixture.agentKey());
        String other = Base64Url.encode(MandateFixture.issuerKey());
        return """
                {"@context":["https://www.w3.org/ns/did/v1"],
                 "id":"%1$s",
                 "verificationMethod":[
                   {"id":"%1$s#0","type":"JsonWebKey2020","publicKeyJwk":{"kty":"EC","crv":"P-256","x":"%2$s"}},
                   {"id":"%1$s#0","type":"JsonWebKey2020","publicKeyJwk":{"kty":"OKP","crv":"X25519","x":"%2$s"}},
                   {"id":"%1$s#0","publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"%3$s"}},
                   {"id":"%1$s#0","publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"%2$s+"}},
                   {"id":7,"publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"%2$s"}},
                   {"id":"%1$s#0","publicKeyJwk":"not an object"},
                   {"id":"%1$s#1","type":"JsonWebKey2020","controller":"%1$s",
                    "publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"%4$s"}},
                   {"id":"#2","type":"JsonWebKey2020","publicKeyJwk":{"kty":"OKP","crv":"Ed25519","x":"%2$s"}}
                 ],
                 "assertionMethod":["%1$s#1"]}
                """.formatted(AGENT_DID, other, Base64Url.encode(new byte[31]), x);
    }

    @ParameterizedTest
    @CsvSource({
        "did:web:id.codespar.dev, https://id.codespar.dev/.well-known/did.json",
        "did:web:id.codespar.dev:org_demo:a1, https://id.codespar.dev/org_demo/a1/did.json",
        "did:web:localhost%3A8080:org:a1, https://localhost:8080/org/a1/did.json",
        "did:web:example.com:user%20name, https://example.com/user%20name/did.json"
    })
    void didWebMapsToItsDocumentUrl(String did, String url) {
        assertThat(DidDocuments.didWebUrl(did)).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:key:z6Mk", "not-a-did", "did:web:", "did:web:id.codespar.dev#1",
        "did:web:id.codespar.dev::a1", "did:web:id.codespar.dev:a1:", "did:web:bad%2", "did:web:bad%zz",
        "did:web:bad%C3"})
    void textThatIsNotAUsableDidWebIsRefused(String did) {
        assertThatThrownBy(() -> DidDocuments.didWebUrl(did)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theApiPathEncodesTheDidAsEncodeUriComponentDoes() {
        assertThat(DidDocuments.apiPath(AGENT_DID))
                .isEqualTo("/v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json");
        assertThat(DidDocuments.apiPath("did:web:a.b:x-y_z.~!*'()%20\u00e9"))
                .isEqualTo("/v1/agents/did%3Aweb%3Aa.b%3Ax-y_z.~!*'()%2520%C3%A9/did.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "did:web:a#1", "did:web:a?x=1", "did:web:a b", "web:a", "did:Web:a", "did:web:"})
    void theApiPathRefusesWhatIsNotADid(String did) {
        assertThatThrownBy(() -> DidDocuments.apiPath(did)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a DID");
    }

    @Test
    void aLoneSurrogateHasNoUtf8FormAndIsRefused() {
        assertThatThrownBy(() -> DidDocuments.apiPath("did:web:a\uD800")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void didOfDropsTheFragment() {
        assertThat(DidDocuments.didOf(AGENT_DID + "#1")).isEqualTo(AGENT_DID);
        assertThat(DidDocuments.didOf(AGENT_DID)).isEqualTo(AGENT_DID);
        assertThat(DidDocuments.didOf("a#b#c")).isEqualTo("a");
    }

    @Test
    void onlyEd25519OkpKeysWithAStringIdAnd32CanonicalBytesAreRead() {
        assertThat(DidDocuments.ed25519Keys(agentDocument())).containsExactly(
                new DidKey(AGENT_DID + "#1", MandateFixture.agentKey()),
                new DidKey(AGENT_DID + "#2", MandateFixture.issuerKey()));
    }

    @Test
    void theKeyIsMatchedByIdAndARelativeIdIsReadAgainstTheDocumentId() {
        assertThat(DidDocuments.publicKey(agentDocument(), AGENT_DID + "#1")).hasValueSatisfying(
                key -> assertThat(key).isEqualTo(MandateFixture.agentKey()));
        assertThat(DidDocuments.publicKey(agentDocument().getBytes(StandardCharsets.UTF_8), AGENT_DID + "#2"))
                .hasValueSatisfying(key -> assertThat(key).isEqualTo(MandateFixture.issuerKey()));
        assertThat(DidDocuments.publicKey(agentDocument(), AGENT_DID + "#0")).isEmpty();
        assertThat(DidDocuments.publicKey(agentDocument(), AGENT_DID + "#9")).isEmpty();
        assertThat(DidDocuments.publicKey("{}", AGENT_DID + "#1")).isEmpty();
        assertThat(DidDocuments.publicKey("{\"verificationMethod\":{}}", AGENT_DID + "#1")).isEmpty();
    }

    @Test
    void aKeyFromTheDocumentVerifiesTheGoldenToken() {
        MandateVerification offline = Mandates.verify(MandateFixture.goldenToken(), MandateKeys.none());
        String kid = offline.kid().orElseThrow();

        byte[] agentKey = DidDocuments.publicKey(agentDocument(), kid).orElseThrow();

        assertThat(Mandates.verify(MandateFixture.goldenToken(), MandateKeys.agent(agentKey)).verified()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"doc\"", "{", "{} {}", "{\"id\":1,\"id\":2}"})
    void aDocumentThatIsNotAJsonObjectIsRefused(String document) {
        assertThatThrownBy(() -> DidDocuments.ed25519Keys(document))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the DID document ");
    }

    @Test
    void aDidKeyIsCopiedAndComparedByValue() {
        byte[] raw = MandateFixture.agentKey();
        DidKey key = new DidKey("k", raw);
        raw[0] ^= 1;
        key.publicKey()[1] ^= 1;

        assertThat(key.publicKey()).isEqualTo(MandateFixture.agentKey());
        assertThat(key.publicKeyHex()).isEqualTo(MandateFixture.text("agent_pubkey_hex"));
        assertThat(key).isEqualTo(new DidKey("k", MandateFixture.agentKey()))
                .hasSameHashCodeAs(new DidKey("k", MandateFixture.agentKey()))
                .hasToString("DidKey[id=k, publicKey=" + MandateFixture.text("agent_pubkey_hex") + "]");
        assertThatThrownBy(() -> new DidKey("k", new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
