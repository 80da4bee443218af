package dev.codespar.mandate;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pure helpers for the DID documents that publish agent keys: {@code did:web} to URL, and a document to its Ed25519
 * keys. No network; {@link AgentDidResolver} fetches documents from the CodeSpar API.
 *
 * <pre>{@code
 * String kid = Mandates.decode(token).keyId().orElseThrow();     // did:web:id.codespar.dev:org_demo:a1#1
 * URI where = DidDocuments.didWebUrl(DidDocuments.didOf(kid));   // https://id.codespar.dev/org_demo/a1/did.json
 * String documentJson = fetchItYourself(where);
 * byte[] agentKey = DidDocuments.publicKey(documentJson, kid).orElseThrow();
 * MandateVerification check = Mandates.verify(token, MandateKeys.agent(agentKey));
 * }</pre>
 *
 * <p>See the did:web method, https://w3c-ccg.github.io/did-method-web/, and DID Core,
 * https://www.w3.org/TR/did-core/.
 */
public final class DidDocuments {

    private static final String DID_WEB = "did:web:";
    private static final Pattern DID = Pattern.compile("did:[a-z0-9]+:[^#?\\s]+");
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private DidDocuments() {}

    /**
     * The DID of a key id: the text before its first {@code #}.
     *
     * @param kid a key id such as {@code did:web:id.codespar.dev:org_demo:a1#1}
     * @return the DID ({@code did:web:id.codespar.dev:org_demo:a1}); the text itself when it has no {@code #}
     */
    public static String didOf(String kid) {
        int hash = Objects.requireNonNull(kid, "kid").indexOf('#');
        return hash < 0 ? kid : kid.substring(0, hash);
    }

    /**
     * Where a {@code did:web} DID publishes its document: {@code did:web:<domain>} → {@code
     * https://<domain>/.well-known/did.json}, {@code did:web:<domain>:<seg>:<seg>} → {@code
     * https://<domain>/<seg>/<seg>/did.json}, each part percent-decoded (so {@code localhost%3A8443} is a port).
     *
     * <pre>{@code
     * DidDocuments.didWebUrl("did:web:id.codespar.dev:org_demo:a1");   // https://id.codespar.dev/org_demo/a1/did.json
     * }</pre>
     *
     * @param did a {@code did:web} DID, without a {@code #fragment}
     * @return the HTTPS URL of its document
     * @throws IllegalArgumentException when the text is not a {@code did:web} DID, has a fragment, an empty part,
     *     or a malformed percent escape
     */
    public static URI didWebUrl(String did) {
        Objects.requireNonNull(did, "did");
        if (!did.startsWith(DID_WEB) || did.length() == DID_WEB.length()) {
            throw new IllegalArgumentException("not a did:web DID (expected did:web:<domain>[:<path>...])");
        }
        if (did.indexOf('#') >= 0) {
            throw new IllegalArgumentException("pass the DID without its #fragment (see DidDocuments.didOf)");
        }
        String[] parts = did.substring(DID_WEB.length()).split(":", -1);
        StringBuilder path = new StringBuilder("/");
        for (int i = 1; i < parts.length; i++) {
            path.append(percentDecode(parts[i])).append('/');
        }
        path.append(parts.length == 1 ? ".well-known/did.json" : "did.json");
        String domain = percentDecode(parts[0]);
        try {
            return new URI("https", domain, path.toString(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("did:web DID gives no valid URL: " + e.getReason(), e);
        }
    }

    /**
     * The path at which the CodeSpar API serves an agent's DID document, without authentication: {@code
     * /v1/agents/<did>/did.json}, the DID percent-encoded as JavaScript's {@code encodeURIComponent} does (every
     * character but {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}, as UTF-8, upper-case hex).
     *
     * <pre>{@code
     * DidDocuments.apiPath("did:web:id.codespar.dev:org_demo:a1");
     * // /v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json
     * }</pre>
     *
     * @param did an agent DID, without a {@code #fragment}
     * @return the path, already encoded
     * @throws IllegalArgumentException when the text is not a DID ({@code did:<method>:<id>}, no {@code #},
     *     {@code ?} or whitespace)
     */
    public static String apiPath(String did) {
        return "/v1/agents/" + encodeComponent(requireDid(did)) + "/did.json";
    }

    /**
     * Every Ed25519 key a DID document publishes, in document order: the {@code verificationMethod} entries with a
     * string {@code id} and a {@code publicKeyJwk} of {@code kty} {@code OKP}, {@code crv} {@code Ed25519} and an
     * {@code x} that is base64url of 32 bytes. Other entries are skipped.
     *
     * @param documentJson the document, JSON text
     * @return the keys; empty when the document has none
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static List<DidKey> ed25519Keys(String documentJson) {
        return ed25519Keys(Objects.requireNonNull(documentJson, "documentJson").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Every Ed25519 key a DID document publishes; see {@link #ed25519Keys(String)}.
     *
     * @param documentJson the document, UTF-8 JSON
     * @return the keys; empty when the document has none
     * @throws IllegalArgumentException when the bytes are not UTF-8 JSON of an object
     */
    public static List<DidKey> ed25519Keys(byte[] documentJson) {
        JsonNode document;
        try {
            document = StrictJson.read(Objects.requireNonNull(documentJson, "documentJson"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the DID document " + e.getMessage());
        }
        if (!document.isObject()) {
            throw new IllegalArgumentException("the DID document is JSON but not an object");
        }
        JsonNode documentId = document.get("id");
        String base = documentId != null && documentId.isTextual() ? documentId.textValue() : null;
        List<DidKey> keys = new ArrayList<>();
        JsonNode methods = document.get("verificationMethod");
        if (methods == null || !methods.isArray()) {
            return keys;
        }
        for (JsonNode method : methods) {
            JsonNode id = method.get("id");
            JsonNode jwk = method.get("publicKeyJwk");
            if (id == null || !id.isTextual() || jwk == null || !jwk.isObject()
                    || !"OKP".equals(jwk.path("kty").textValue())
                    || !"Ed25519".equals(jwk.path("crv").textValue())
                    || !jwk.path("x").isTextual()) {
                continue;
            }
            byte[] raw = Base64Url.decodeCanonical(jwk.get("x").textValue());
            if (raw == null || raw.length != Ed25519.PUBLIC_KEY_BYTES) {
                continue;
            }
            String absolute = id.textValue().startsWith("#") && base != null ? base + id.textValue() : id.textValue();
            keys.add(new DidKey(absolute, raw));
        }
        return keys;
    }

    /**
     * The key a DID document publishes under a key id: the first Ed25519 {@code verificationMethod} whose
     * {@code id} is the key id (a relative {@code id} such as {@code #1} is read against the document {@code id}).
     *
     * <pre>{@code
     * byte[] agentKey = DidDocuments.publicKey(documentJson, "did:web:id.codespar.dev:org_demo:a1#1").orElseThrow();
     * }</pre>
     *
     * @param documentJson the document, JSON text
     * @param kid the key id, e.g. {@link MandateVerification#kid()}
     * @return the raw 32-byte key, or empty when the document publishes no Ed25519 key under that id
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    public static Optional<byte[]> publicKey(String documentJson, String kid) {
        return find(ed25519Keys(documentJson), kid);
    }

    /**
     * The key a DID document publishes under a key id; see {@link #publicKey(String, String)}.
     *
     * @param documentJson the document, UTF-8 JSON
     * @param kid the key id
     * @return the raw 32-byte key, or empty
     * @throws IllegalArgumentException when the bytes are not UTF-8 JSON of an object
     */
    public static Optional<byte[]> publicKey(byte[] documentJson, String kid) {
        return find(ed25519Keys(documentJson), kid);
    }

    static Optional<byte[]> find(List<DidKey> keys, String kid) {
        Objects.requireNonNull(kid, "kid");
        return keys.stream().filter(key -> key.id().equals(kid)).findFirst().map(DidKey::publicKey);
    }

    static String requireDid(String did) {
        Objects.requireNonNull(did, "did");
        if (!DID.matcher(did).matches()) {
            throw new IllegalArgumentException("not a DID (expected did:<method>:<id> without #fragment, ?query or"
                    + " whitespace); pass DidDocuments.didOf(kid) for a key id");
        }
        return did;
    }

    /** JavaScript's encodeURIComponent: UTF-8, upper-case hex, a lone surrogate refused. */
    static String encodeComponent(String text) {
        ByteBuffer utf8;
        try {
            utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text holds a lone UTF-16 surrogate and has no UTF-8 form", e);
        }
        StringBuilder out = new StringBuilder(text.length() * 3);
        while (utf8.hasRemaining()) {
            int b = utf8.get() & 0xff;
            if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || "-_.!~*'()".indexOf(b) >= 0) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xf]);
            }
        }
        return out.toString();
    }

    /** JavaScript's decodeURIComponent, strict: {@code %XX} escapes of UTF-8, anything malformed refused. */
    static String percentDecode(String part) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException(
                    "did:web DID has an empty part (two colons in a row, or one at the end)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        byte[] raw = part.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            int high = i + 2 < raw.length ? Character.digit(raw[i + 1], 16) : -1;
            int low = high >= 0 ? Character.digit(raw[i + 2], 16) : -1;
            if (low < 0) {
                throw new IllegalArgumentException("did:web DID has a malformed percent escape");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("did:web DID has a percent escape that is not UTF-8", e);
        }
    }
}
