package dev.codespar;

import dev.codespar.consumers.ConsumerService;
import dev.codespar.errors.ConfigError;
import dev.codespar.errors.NotConnectedError;
import dev.codespar.internal.consumers.ConsumerServiceImpl;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.RetryRules;
import dev.codespar.internal.http.Timing;
import dev.codespar.internal.management.ApiKeyServiceImpl;
import dev.codespar.internal.management.OrgConnectionServiceImpl;
import dev.codespar.internal.management.ProjectServiceImpl;
import dev.codespar.internal.management.ServerServiceImpl;
import dev.codespar.internal.management.ToolServiceImpl;
import dev.codespar.internal.management.TriggerServiceImpl;
import dev.codespar.management.ApiKeyService;
import dev.codespar.management.OrgConnectionService;
import dev.codespar.management.ProjectService;
import dev.codespar.management.ServerService;
import dev.codespar.management.ToolService;
import dev.codespar.management.TriggerService;
import dev.codespar.mandate.AgentDidResolver;
import dev.codespar.telemetry.CallObserver;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the SDK: one immutable, thread-safe instance per application.
 *
 * <pre>{@code
 * try (CodeSparClient client = CodeSparClient.builder()
 *         .apiKey("csk_test_...")                 // default: env CODESPAR_API_KEY
 *         .projectId("prj_0123456789abcdef")      // optional; sent as x-codespar-project
 *         .build()) {
 *     Session session = client.create("user_123", SessionConfig.builder().servers("asaas").build());
 *     ToolResult r = session.execute("codespar_pay", Map.of("amount", 1000, "currency", "BRL"));
 * }
 * }</pre>
 *
 * <p>Every call validates its input before the network, retries what is safe to retry (see {@link RetryPolicy}),
 * and throws a subclass of {@link dev.codespar.errors.ApiError} on failure. Every blocking call has an
 * {@code ...Async} twin returning a {@link CompletableFuture} that never blocks the caller's thread.
 *
 * <p>{@link #close()} releases the connections and threads the client created; calls still in flight fail with a
 * {@link dev.codespar.errors.NetworkError} saying the client was closed.
 */
public final class CodeSparClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodeSparClient.class);

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.codespar.dev";

    /** The SDK version, as sent in {@code User-Agent}. */
    public static final String VERSION = readVersion();

    private final HttpTransport transport;
    private final String apiKey;
    private final Duration sendStreamIdleTimeout;
    private final Duration statusStreamIdleTimeout;
    private final SessionServiceImpl sessions;

    private CodeSparClient(HttpTransport transport, String apiKey, Duration sendStreamIdleTimeout,
            Duration statusStreamIdleTimeout) {
        this.transport = transport;
        this.apiKey = apiKey;
        this.sendStreamIdleTimeout = sendStreamIdleTimeout;
        this.statusStreamIdleTimeout = statusStreamIdleTimeout;
        this.sessions = new SessionServiceImpl(this);
    }

    /**
     * A builder; every setting has a default except the API key, which falls back to {@code CODESPAR_API_KEY}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a session for a user with the default servers ({@code zoop}, {@code nuvem-fiscal}).
     * {@code POST /v1/sessions}.
     *
     * @param userId your identifier of the end user, 1 to 128 characters
     * @return the open session
     * @throws dev.codespar.errors.InvalidRequestError when the user id is blank or too long (no network call)
     * @throws dev.codespar.errors.ApiError when the server refuses
     */
    public Session create(String userId) {
        return create(userId, SessionConfig.defaults());
    }

    /**
     * Creates a session for a user. {@code POST /v1/sessions}.
     *
     * <pre>{@code
     * Session session = client.create("user_123", SessionConfig.builder()
     *         .servers("asaas", "nuvem-fiscal")
     *         .build());
     * }</pre>
     *
     * <p>The body has the official SDKs' bytes: {@code servers} (explicit, else the preset's, else {@code zoop} and
     * {@code nuvem-fiscal}), {@code user_id}, {@code mocks} when given; unlike the TypeScript SDK, which never sends
     * it, {@code metadata} follows when non-empty. The session's project ({@link SessionConfig#projectId()}, else
     * the client's) travels as the {@code x-codespar-project} header on this and every later request of the session.
     *
     * <p>With {@link SessionConfig.Builder#waitForConnections(Duration)}, the call then polls the session's
     * connections every second until every server is connected, and throws {@link NotConnectedError} when the
     * deadline passes first; the error carries the open session's id ({@link NotConnectedError#getSessionId()}) and
     * the pending servers, so the caller can send connect links and go on, or close it.
     *
     * @param userId your identifier of the end user, 1 to 128 characters
     * @param config servers, preset, mocks, metadata, project and connection wait of the session
     * @return the open session
     * @throws dev.codespar.errors.InvalidRequestError when the user id or the config is invalid (no network call),
     *     e.g. a mock key that is not {@code server/tool}
     * @throws NotConnectedError when asked to wait for connections and they did not come up in time
     * @throws dev.codespar.errors.ApiError when the server refuses
     */
    public Session create(String userId, SessionConfig config) {
        return sessions.createAndWait(userId, config);
    }

    /**
     * Non-blocking twin of {@link #create(String)}.
     *
     * @param userId your identifier of the end user
     * @return a future of the open session; validation errors complete it exceptionally
     */
    public CompletableFuture<Session> createAsync(String userId) {
        return createAsync(userId, SessionConfig.defaults());
    }

    /**
     * Non-blocking twin of {@link #create(String, SessionConfig)}.
     *
     * @param userId your identifier of the end user
     * @param config the session configuration
     * @return a future of the open session; validation errors complete it exceptionally
     */
    public CompletableFuture<Session> createAsync(String userId, SessionConfig config) {
        return sessions.createAndWaitAsync(userId, config);
    }

    // ---------------------------------------------------------------- management API

    /**
     * Projects of the organisation: list, get, create, update, delete. Cheap to call; the service is stateless.
     *
     * @return the project service
     */
    public ProjectService projects() {
        return new ProjectServiceImpl(transport);
    }

    /**
     * Webhook triggers of the project: create, list, rotate the signing secret. Verify deliveries with
     * {@link dev.codespar.webhooks.Webhooks}.
     *
     * @return the trigger service
     */
    public TriggerService triggers() {
        return new TriggerServiceImpl(transport);
    }

    /**
     * The server catalogue: list (filters, paging) and get.
     *
     * @return the server service
     */
    public ServerService servers() {
        return new ServerServiceImpl(transport);
    }

    /**
     * The tool catalogue: list and get.
     *
     * @return the tool service
     */
    public ToolService tools() {
        return new ToolServiceImpl(transport);
    }

    /**
     * The organisation's server connections (stored provider credentials): create or rotate, list, revoke. Not to
     * be confused with a session's {@code connections()}, the connection state of one end user's session.
     *
     * @return the organisation connection service
     */
    public OrgConnectionService orgConnections() {
        return new OrgConnectionServiceImpl(transport);
    }

    /**
     * The organisation's API keys: create and list.
     *
     * @return the API key service
     */
    public ApiKeyService apiKeys() {
        return new ApiKeyServiceImpl(transport);
    }

    /**
     * Sessions of the project: resume one by id ({@link SessionService#retrieve}), list them, read a session's
     * tool-call log.
     *
     * @return the session listing service
     */
    public SessionService sessions() {
        return sessions;
    }

    // ---------------------------------------------------------------- consumers and agents

    /**
     * Consumer spending: consents, mandate spends, wallets, transfers, and the key's identity ({@code whoami}). A
     * spend and an executed transfer are never sent again once they may have been processed. Cheap to call; the
     * service is stateless.
     *
     * <pre>{@code
     * SpendReceipt paid = client.consumers().spend(mandateId, SpendParams.of(2_500, payee, agentId));
     * }</pre>
     *
     * @return the consumer service
     */
    public ConsumerService consumers() {
        return new ConsumerServiceImpl(transport);
    }

    /**
     * Agents' DID documents and public keys, fetched from this client's API ({@code GET /v1/agents/{did}/did.json})
     * over its connections and dispatcher, without the API key: that route needs none, and the resolver removes
     * {@code Authorization} from every request it sends. Use the key to verify a mandate token online.
     *
     * <pre>{@code
     * Mandate mandate = Mandates.decode(token);
     * byte[] agentKey = client.agents().publicKey(mandate.keyId().orElseThrow());
     * MandateVerification check = Mandates.verify(mandate, MandateKeys.of(agentKey, pinnedIssuerKey));
     * }</pre>
     *
     * <p>Nothing is retried; failures are {@link dev.codespar.mandate.DidResolutionException}s. Cheap to call; the
     * resolver is immutable; use it while the client is open (it shares the client's threads).
     *
     * @return a resolver bound to this client's base URL
     */
    public AgentDidResolver agents() {
        return new AgentDidResolver(transport.okHttpClient(), getBaseUrl());
    }

    HttpTransport transport() {
        return transport;
    }

    /** The secret key, for the MCP endpoint headers only; never logged. */
    String apiKey() {
        return apiKey;
    }

    Duration sendStreamIdleTimeout() {
        return sendStreamIdleTimeout;
    }

    Duration statusStreamIdleTimeout() {
        return statusStreamIdleTimeout;
    }

    /**
     * The API root requests go to.
     *
     * @return the base URL, without a trailing slash
     */
    public String getBaseUrl() {
        String url = transport.baseUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * The client-level project, sent as {@code x-codespar-project} unless a session names its own.
     *
     * @return the project id, or {@code null} for the organisation's default project
     */
    public String getProjectId() {
        return transport.projectId();
    }

    /**
     * Releases the connections and threads this client created. Calls in flight fail with a
     * {@link dev.codespar.errors.NetworkError}; later calls are refused. An {@link OkHttpClient} passed to the builder
     * is not shut down. Idempotent.
     */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "CodeSparClient{baseUrl=" + getBaseUrl() + ", projectId=" + getProjectId() + ", apiKey=[redacted]}";
    }

    private static String readVersion() {
        try (InputStream in = CodeSparClient.class.getResourceAsStream("internal/codespar-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    /**
     * Configures and builds a {@link CodeSparClient}. Not thread-safe; {@link #build()} checks every setting and
     * throws {@link ConfigError} naming the one that is wrong.
     */
    public static final class Builder {

        private static final Duration DEFAULT_MAX_POST_CONNECTION_IDLE = Duration.ofSeconds(1);

        private String apiKey;
        private String baseUrl;
        private String projectId;
        private Duration timeout = Duration.ofSeconds(60);
        private Duration callTimeout;
        private Duration sendStreamIdleTimeout = Duration.ofMinutes(5);
        private Duration statusStreamIdleTimeout = Duration.ofSeconds(45);
        private Duration maxPostConnectionIdle = DEFAULT_MAX_POST_CONNECTION_IDLE;
        private RetryPolicy.Builder retry = RetryPolicy.builder();
        private OkHttpClient httpClient;
        private Function<String, String> environment = System::getenv;
        private Timing timing = Timing.system();
        private CallObserver callObserver;

        private Builder() {}

        /**
         * The secret API key ({@code csk_live_...} or {@code csk_test_...}). Default: env {@code CODESPAR_API_KEY}.
         *
         * @param key the key
         * @return this builder
         */
        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        /**
         * The API root. Default: env {@code CODESPAR_BASE_URL}, then {@value CodeSparClient#DEFAULT_BASE_URL}.
         * A trailing {@code /} is stripped; plain {@code http://} is refused except to loopback.
         *
         * @param url the base URL
         * @return this builder
         */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        /**
         * The project to act in, sent as {@code x-codespar-project}; must match {@code ^prj_[A-Za-z0-9]{16}$}.
         * Default: none (the organisation's default project).
         *
         * @param id the project id
         * @return this builder
         */
        public Builder projectId(String id) {
            this.projectId = id;
            return this;
        }

        /**
         * How many times a failed request may be sent again (default 2; 0 disables retries; at most 10).
         *
         * @param n the retry count
         * @return this builder
         */
        public Builder maxRetries(int n) {
            retry.maxRetries(n);
            return this;
        }

        /**
         * The longest server-requested wait the SDK sleeps through before a retry (default 60 s); a longer one is
         * thrown at once with {@code getRetryAfter()} set.
         *
         * @param wait the cap
         * @return this builder
         */
        public Builder maxRetryWait(Duration wait) {
            retry.maxRetryWait(wait);
            return this;
        }

        /**
         * Also retry 500 {@code internal_error} answers (default off).
         *
         * @param retryOn whether to retry
         * @return this builder
         */
        public Builder retryOnInternalError(boolean retryOn) {
            retry.retryOnInternalError(retryOn);
            return this;
        }

        /**
         * Also retry a {@code POST} answered by 504 {@code gateway_timeout} (default off: a payout or an NF-e may have
         * gone through).
         *
         * @param retryOn whether to retry
         * @return this builder
         */
        public Builder retryPostOnGatewayTimeout(boolean retryOn) {
            retry.retryPostOnGatewayTimeout(retryOn);
            return this;
        }

        /**
         * Replaces every retry setting with those of a policy; later calls to the retry methods of this builder
         * change it further.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy").toBuilder();
            return this;
        }

        /**
         * The timeout of one attempt, from connect to the last byte of the answer (default 60 s, at most 1 h).
         * Streams use their idle timeouts instead.
         *
         * @param value the per-attempt timeout
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * An overall deadline for a call, its retries and the waits between them (default none). A retry that
         * cannot finish before it is not attempted.
         *
         * @param value the deadline, or {@code null} for none
         * @return this builder
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = value;
            return this;
        }

        /**
         * The longest silence tolerated on a {@code sendStream} before it fails with a
         * {@link dev.codespar.errors.StreamError} (default 5 minutes: a long model turn can be quiet).
         *
         * @param value the idle timeout
         * @return this builder
         */
        public Builder sendStreamIdleTimeout(Duration value) {
            this.sendStreamIdleTimeout = value;
            return this;
        }

        /**
         * The longest silence tolerated on a payment or verification status stream (default 45 s; the server sends
         * a heartbeat every 15 s).
         *
         * @param value the idle timeout
         * @return this builder
         */
        public Builder statusStreamIdleTimeout(Duration value) {
            this.statusStreamIdleTimeout = value;
            return this;
        }

        /**
         * The longest a pooled connection may have been idle for a {@code POST} to be sent on it (default 1 s). A
         * server closes idle keep-alive connections after a while (Node's default is 5 s, gunicorn's 2 s), and a
         * payment written on a connection the server has just closed is lost in a way that cannot be told from one
         * the server processed: the call would fail with "may have processed it". So before a {@code POST} the SDK
         * closes the connections idle for longer than this and sends on a fresh one. The cost: one new connection
         * (TCP, and TLS for {@code https}) for a {@code POST} that follows a pause longer than the bound. Raise it
         * when you know your server keeps connections open longer; {@link Duration#ZERO} opens a new connection for
         * every {@code POST}. {@code GET} and {@code DELETE} are retried safely and reuse connections as OkHttp does.
         *
         * @param value the bound, zero or positive and at most 1 hour
         * @return this builder
         */
        public Builder maxPostConnectionIdle(Duration value) {
            this.maxPostConnectionIdle = value;
            return this;
        }

        /**
         * An OkHttp client to send with (for proxies, TLS settings, event listeners, shared pools). The SDK works on
         * a {@link OkHttpClient#newBuilder()} copy, sets its own timeouts, interceptors and retry switch on the copy,
         * and never shuts the given client down.
         *
         * @param client the client
         * @return this builder
         */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = client;
            return this;
        }

        /**
         * Sees every API call start and end (method, path template, status, error code, attempts, request id,
         * duration), for metrics and traces; never the key. Default: none.
         *
         * @param observer the observer, or {@code null} for none
         * @return this builder
         */
        public Builder callObserver(CallObserver observer) {
            this.callObserver = observer;
            return this;
        }

        /** Where environment fallbacks are read from; tests replace it. */
        Builder environment(Function<String, String> env) {
            this.environment = env;
            return this;
        }

        /** Clock, sleeps and jitter of the retry loop; tests replace it so that nothing sleeps for real. */
        Builder timing(Timing value) {
            this.timing = value;
            return this;
        }

        /**
         * Checks every setting and builds the client.
         *
         * @return the client
         * @throws ConfigError naming the wrong setting and how to fix it; the message never contains the key
         */
        public CodeSparClient build() {
            String key = ClientSettings.checkedKey(apiKey != null ? apiKey : environment.apply("CODESPAR_API_KEY"));
            HttpUrl url = ClientSettings.checkedBaseUrl(baseUrl != null ? baseUrl
                    : environment.apply("CODESPAR_BASE_URL"), DEFAULT_BASE_URL);
            ClientSettings.checkProjectId(projectId);
            ClientSettings.requirePositive("timeout", timeout, ClientSettings.MAX_TIMEOUT);
            if (callTimeout != null) {
                ClientSettings.requirePositive("callTimeout", callTimeout, ClientSettings.MAX_CALL_TIMEOUT);
            }
            ClientSettings.requirePositive("sendStreamIdleTimeout", sendStreamIdleTimeout,
                    ClientSettings.MAX_CALL_TIMEOUT);
            ClientSettings.requirePositive("statusStreamIdleTimeout", statusStreamIdleTimeout,
                    ClientSettings.MAX_CALL_TIMEOUT);
            ClientSettings.requireZeroOrPositive("maxPostConnectionIdle", maxPostConnectionIdle,
                    ClientSettings.MAX_TIMEOUT);
            RetryPolicy policy = retry.build();
            RetryRules rules = new RetryRules(policy.maxRetries(), policy.maxRetryWait(), policy.baseDelay(),
                    policy.maxBackoff(), policy.retryOnInternalError(), policy.retryPostOnGatewayTimeout());
            HttpTransport transport = new HttpTransport(new HttpTransport.Settings(url, key,
                    ClientSettings.userAgent(VERSION), projectId, rules, timeout, callTimeout, maxPostConnectionIdle,
                    httpClient, timing, callObserver));
            return new CodeSparClient(transport, key, sendStreamIdleTimeout, statusStreamIdleTimeout);
        }

        @Override
        public String toString() {
            return "CodeSparClient.Builder{baseUrl=" + baseUrl + ", projectId=" + projectId
                    + ", apiKey=" + (apiKey == null ? "null" : "[redacted]") + "}";
        }
    }
}
