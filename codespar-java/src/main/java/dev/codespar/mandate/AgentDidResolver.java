package dev.codespar.mandate;

import dev.codespar.mandate.DidResolutionException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import dev.codespar.internal.http.Hosts;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Fetches an agent's DID document from the CodeSpar API ({@code GET /v1/agents/<did>/did.json}, which needs no API
 * key) and picks the agent's Ed25519 public key from it, for callers who verify mandates online.
 *
 * <pre>{@code
 * AgentDidResolver resolver = new AgentDidResolver(new OkHttpClient(), "https://api.codespar.dev");
 * Mandate mandate = Mandates.decode(token);
 * byte[] agentKey = resolver.publicKey(mandate.keyId().orElseThrow());
 * MandateVerification check = Mandates.verify(mandate, MandateKeys.of(agentKey, platformIssuerKey));
 * }</pre>
 *
 * <p>A key fetched this way is only as trustworthy as the route to it; the issuer key is best pinned in your
 * configuration. The resolver never sends credentials: whatever interceptors the given client has, the
 * {@code Authorization} header is removed before a request leaves. Plain {@code http://} is refused except to
 * loopback, because on the way a key could be swapped. Every answer is closed; a document over
 * {@link #MAX_DOCUMENT_BYTES} is refused. Errors are {@link DidResolutionException}s; invalid arguments are
 * {@link IllegalArgumentException}s thrown before any request. Immutable and thread-safe.
 */
public final class AgentDidResolver {

    /** The largest DID document read: 256 KiB (a document with a handful of keys is about 1 KiB). */
    public static final long MAX_DOCUMENT_BYTES = 256L * 1024;

    private static final String ACCEPT = "application/did+json, application/json";

    private final OkHttpClient http;
    private final HttpUrl apiBase;

    /**
     * Creates a resolver.
     *
     * @param httpClient the client to send with; not modified (the resolver uses a {@code newBuilder()} copy that
     *     shares its connection pool and dispatcher) and not shut down by the resolver
     * @param apiBaseUrl the API base URL, e.g. {@code https://api.codespar.dev}; a trailing {@code /} is ignored
     * @throws IllegalArgumentException when the URL is not http(s), has a query or fragment, or is plain http to a
     *     host other than loopback
     */
    public AgentDidResolver(OkHttpClient httpClient, String apiBaseUrl) {
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        HttpUrl base = HttpUrl.parse(apiBaseUrl.strip());
        if (base == null) {
            throw new IllegalArgumentException("apiBaseUrl is not an http(s) URL: " + apiBaseUrl);
        }
        if (base.query() != null || base.fragment() != null) {
            throw new IllegalArgumentException("apiBaseUrl must not have a query or fragment: " + base.redact());
        }
        if (!base.isHttps() && !Hosts.isLoopback(base.host())) {
            throw new IllegalArgumentException("apiBaseUrl must be https (plain http only to localhost/127.0.0.1/::1),"
                    + " since a key fetched in clear text can be replaced on the way: " + base.redact());
        }
        this.apiBase = base;
        this.http = httpClient.newBuilder()
                // Innermost network interceptor: runs after every interceptor of the caller's client, so no
                // credential it adds reaches an unauthenticated route.
                .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .removeHeader("Authorization")
                        .build()))
                .build();
    }

    /**
     * The URL of an agent's DID document on the API.
     *
     * <pre>{@code
     * resolver.documentUrl("did:web:id.codespar.dev:org_demo:a1");
     * // https://api.codespar.dev/v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json
     * }</pre>
     *
     * @param did the agent DID, without {@code #fragment}
     * @return the URL
     * @throws IllegalArgumentException when the text is not a DID
     */
    public String documentUrl(String did) {
        return url(did).toString();
    }

    /**
     * Fetches an agent's DID document.
     *
     * @param did the agent DID, without {@code #fragment}, e.g. {@link MandateVerification#agentDid()}
     * @return the document, JSON text of an object
     * @throws DidResolutionException when there is no answer, a non-2xx answer, or a body that is too large or not
     *     a JSON object
     * @throws IllegalArgumentException when the text is not a DID
     */
    public String fetchDocument(String did) {
        return fetch(did).json();
    }

    private Fetched fetch(String did) {
        Request request = request(did);
        try {
            return read(http.newCall(request).execute(), did, request.url());
        } catch (IOException e) {
            throw network(did, request.url(), e);
        }
    }

    /**
     * {@link #fetchDocument(String)} without blocking the caller: the request runs on the client's dispatcher.
     * Cancelling the future cancels the call. Invalid arguments fail the future rather than throw.
     *
     * @param did the agent DID
     * @return the document, or a future failed with a {@link DidResolutionException} or
     *     {@link IllegalArgumentException}
     */
    public CompletableFuture<String> fetchDocumentAsync(String did) {
        return fetchAsync(did, Fetched::json);
    }

    /**
     * One future per call, completed on the dispatcher with {@code answer} applied, so that cancelling the very
     * future the caller holds cancels the call (a dependent stage's cancellation would not reach it).
     */
    private <T> CompletableFuture<T> fetchAsync(String did, Function<Fetched, T> answer) {
        Request request;
        try {
            request = request(did);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Call call = http.newCall(request);
        CompletableFuture<T> future = new CompletableFuture<>();
        future.whenComplete((document, failure) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                future.completeExceptionally(network(did, request.url(), e));
            }

            @Override
            public void onResponse(Call answered, Response response) {
                try {
                    future.complete(answer.apply(read(response, did, request.url())));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                } catch (IOException e) {
                    future.completeExceptionally(network(did, request.url(), e));
                }
            }
        });
        return future;
    }

    /**
     * Fetches an agent's DID document and returns every Ed25519 key in it; see
     * {@link DidDocuments#ed25519Keys(String)}.
     *
     * @param did the agent DID, without {@code #fragment}
     * @return the keys, possibly none
     * @throws DidResolutionException as {@link #fetchDocument(String)} does
     */
    public List<DidKey> keys(String did) {
        return DidDocuments.ed25519Keys(fetchDocument(did));
    }

    /**
     * Fetches the document of a key id's DID and returns the key published under that id.
     *
     * <pre>{@code
     * byte[] agentKey = resolver.publicKey("did:web:id.codespar.dev:org_demo:a1#1");
     * }</pre>
     *
     * @param kid the key id, e.g. {@link MandateVerification#kid()} or {@link Mandate#keyId()}
     * @return the raw 32-byte Ed25519 key
     * @throws DidResolutionException as {@link #fetchDocument(String)} does, and {@link Reason#KEY_NOT_FOUND} when
     *     the document publishes no Ed25519 key under that id
     * @throws IllegalArgumentException when the key id's DID is not a DID
     */
    public byte[] publicKey(String kid) {
        String did = DidDocuments.didOf(Objects.requireNonNull(kid, "kid"));
        return keyIn(fetch(did), did, kid);
    }

    /**
     * {@link #publicKey(String)} without blocking the caller.
     *
     * @param kid the key id
     * @return the raw 32-byte key, or a future failed as {@link #fetchDocumentAsync(String)} fails, or with
     *     {@link Reason#KEY_NOT_FOUND}
     */
    public CompletableFuture<byte[]> publicKeyAsync(String kid) {
        if (kid == null) {
            return CompletableFuture.failedFuture(new NullPointerException("kid"));
        }
        String did = DidDocuments.didOf(kid);
        return fetchAsync(did, document -> keyIn(document, did, kid));
    }

    private static byte[] keyIn(Fetched document, String did, String kid) {
        return DidDocuments.find(DidDocuments.ed25519Keys(document.json()), kid)
                .orElseThrow(() -> new DidResolutionException(Reason.KEY_NOT_FOUND, did, document.status(),
                        document.requestId(), "the DID document of " + did + " publishes no Ed25519 key with id "
                                + kid + requestIdSuffix(document.requestId()), null));
    }

    /** A document as answered, with what an error about it should cite. */
    private record Fetched(String json, int status, String requestId) {}

    private HttpUrl url(String did) {
        return apiBase.newBuilder()
                .addPathSegment("v1")
                .addPathSegment("agents")
                .addEncodedPathSegment(DidDocuments.encodeComponent(DidDocuments.requireDid(did)))
                .addPathSegment("did.json")
                .build();
    }

    private Request request(String did) {
        return new Request.Builder().url(url(did)).get().header("Accept", ACCEPT).build();
    }

    /** Reads and closes the answer. */
    private static Fetched read(Response answer, String did, HttpUrl url) throws IOException {
        try (Response response = answer) {
            int status = response.code();
            String requestId = response.header("X-Request-Id");
            if (!response.isSuccessful()) {
                throw new DidResolutionException(Reason.HTTP_STATUS, did, status, requestId,
                        "GET " + url + " answered HTTP " + status + requestIdSuffix(requestId), null);
            }
            ResponseBody body = response.body();
            if (body == null) {
                throw invalid(did, status, requestId, url, "has no body");
            }
            BufferedSource source = body.source();
            if (body.contentLength() > MAX_DOCUMENT_BYTES || source.request(MAX_DOCUMENT_BYTES + 1)) {
                throw new DidResolutionException(Reason.TOO_LARGE, did, status, requestId,
                        "GET " + url + " answered a document over " + MAX_DOCUMENT_BYTES + " bytes"
                                + requestIdSuffix(requestId), null);
            }
            byte[] bytes = source.getBuffer().readByteArray();
            boolean isObject;
            try {
                isObject = StrictJson.read(bytes).isObject();
            } catch (IllegalArgumentException e) {
                throw invalid(did, status, requestId, url, e.getMessage());
            }
            if (!isObject) {
                throw invalid(did, status, requestId, url, "is JSON but not an object");
            }
            return new Fetched(new String(bytes, StandardCharsets.UTF_8), status, requestId);
        }
    }

    private static DidResolutionException invalid(String did, int status, String requestId, HttpUrl url,
            String problem) {
        return new DidResolutionException(Reason.INVALID_DOCUMENT, did, status, requestId,
                "GET " + url + " answered a body that " + problem + requestIdSuffix(requestId), null);
    }

    private static DidResolutionException network(String did, HttpUrl url, IOException e) {
        return new DidResolutionException(Reason.NETWORK, did, 0, null,
                "GET " + url + " got no answer: " + e, e);
    }

    private static String requestIdSuffix(String requestId) {
        return requestId == null ? "" : " [request_id=" + requestId + "]";
    }

}
