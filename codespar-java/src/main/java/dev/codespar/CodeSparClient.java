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
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

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

    /** The production API. */
    public static final String DEFAULT_BASE_URL = "https://api.codespar.dev";

    /** The SDK version, as sent in {@code User-Agent}. */
    public static final String VERSION = ClientSettings.readVersion();

    private final ClientContext context;
    private final HttpTransport transport;
    private final SessionServiceImpl sessions;

    private CodeSparClient(ClientContext context) {
        this.context = context;
        this.transport = context.transport();
        this.sessions = new SessionServiceImpl(this);
    }

    /**
     * {@return a new builder} Every setting has a default except the API key, which falls back to the
     * {@code codespar.api-key} system property, then the {@code CODESPAR_API_KEY} environment variable.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a client configured from the environment alone} Same as {@code builder().fromEnv().build()}, so
     * {@code CODESPAR_API_KEY=csk_live_... CODESPAR_TIMEOUT=30} is all a deployment sets.
     * @throws ConfigError when a setting is missing or wrong (no key, a malformed timeout, ...)
     */
    public static CodeSparClient fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * Same as {@code create(userId, SessionConfig.defaults())}: a session with the servers {@code zoop} and
     * {@code nuvem-fiscal}.
     * @param userId your identifier of the end user, 1 to 128 characters
     * @return the open session
     */
    public Session create(String userId) {
        return create(userId, SessionConfig.defaults());
    }

    /**
     * Creates a session for a user. {@code POST /v1/sessions} with the official SDKs' body ({@code servers},
     * {@code user_id}, {@code mocks} when given) and {@code metadata} when non-empty; the session's project travels
     * as {@code x-codespar-project} on this and every later request of the session.
     *
     * <pre>{@code
     * Session session = client.create("user_123", SessionConfig.builder().servers("asaas", "nuvem-fiscal").build());
     * }</pre>
     * <p>With {@link SessionConfig.Builder#waitForConnections(Duration)} the call then polls the connections every
     * second until every server is connected, else throws {@link NotConnectedError} carrying the open session's id
     * and the pending servers.
     * @param userId your identifier of the end user, 1 to 128 characters
     * @param config servers, preset, mocks, metadata, project and connection wait of the session
     * @return the open session
     * @throws dev.codespar.errors.InvalidRequestError when the user id or the config is invalid (no network call)
     * @throws NotConnectedError when asked to wait for connections and they did not come up in time
     * @throws dev.codespar.errors.ApiError when the server refuses
     */
    public Session create(String userId, SessionConfig config) {
        return sessions.createAndWait(userId, config);
    }

    /**
     * Non-blocking twin of {@link #create(String)}; validation errors complete the future exceptionally.
     * @param userId your identifier of the end user
     * @return a future of the open session
     */
    public CompletableFuture<Session> createAsync(String userId) {
        return createAsync(userId, SessionConfig.defaults());
    }

    /**
     * Non-blocking twin of {@link #create(String, SessionConfig)}; validation errors fail the future.
     * @param userId your identifier of the end user
     * @param config the session configuration
     * @return a future of the open session
     */
    public CompletableFuture<Session> createAsync(String userId, SessionConfig config) {
        return sessions.createAndWaitAsync(userId, config);
    }

    /** {@return projects of the organisation: list, get, create, update, delete (the service is stateless)} */
    public ProjectService projects() {
        return new ProjectServiceImpl(transport);
    }

    /**
     * {@return webhook triggers of the project: create, list, rotate the signing secret; verify deliveries with
     * {@link dev.codespar.webhooks.Webhooks}}
     */
    public TriggerService triggers() {
        return new TriggerServiceImpl(transport);
    }

    /** {@return the server catalogue: list (filters, paging) and get} */
    public ServerService servers() {
        return new ServerServiceImpl(transport);
    }

    /** {@return the tool catalogue: list and get} */
    public ToolService tools() {
        return new ToolServiceImpl(transport);
    }

    /**
     * {@return the organisation's server connections (stored provider credentials): create or rotate, list, revoke;
     * not a session's {@code connections()}}
     */
    public OrgConnectionService orgConnections() {
        return new OrgConnectionServiceImpl(transport);
    }

    /** {@return the organisation's API keys: create and list} */
    public ApiKeyService apiKeys() {
        return new ApiKeyServiceImpl(transport);
    }

    /**
     * {@return sessions of the project: resume one by id ({@link SessionService#retrieve}), list them, read a
     * session's tool-call log}
     */
    public SessionService sessions() {
        return sessions;
    }

    /**
     * This client with other settings for the calls made through the view (a timeout, retries, a stream's idle
     * timeout, extra headers): it shares the connections, the key and the close of this client; closing the view
     * closes nothing.
     *
     * <pre>{@code
     * Project p = client.withOptions(RequestOptions.builder().maxRetries(5).build()).projects().get(id);
     * }</pre>
     * @param options the settings that differ
     * @return the client view
     */
    public CodeSparClient withOptions(RequestOptions options) {
        return new CodeSparClient(context.withOptions(options));
    }

    /**
     * Consumer spending: consents, mandate spends, wallets, transfers, and the key's identity ({@code whoami}). A
     * spend and an executed transfer are never sent again once they may have been processed.
     * @return the consumer service (stateless, cheap to call)
     */
    public ConsumerService consumers() {
        return new ConsumerServiceImpl(transport);
    }

    /**
     * Agents' DID documents and public keys from this client's API ({@code GET /v1/agents/{did}/did.json}), over its
     * connections but without the API key (the route needs none). Nothing is retried; failures are
     * {@link dev.codespar.mandate.DidResolutionException}s. Use it while the client is open.
     * @return a resolver bound to this client's base URL
     */
    public AgentDidResolver agents() {
        return new AgentDidResolver(transport.okHttpClient(), getBaseUrl());
    }

    ClientContext context() {
        return context;
    }

    HttpTransport transport() {
        return transport;
    }

    /** {@return the API root requests go to, without a trailing slash} */
    public String getBaseUrl() {
        String url = transport.baseUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@return the client's project (sent as {@code x-codespar-project}), {@code null} for the default one} */
    public String getProjectId() {
        return transport.projectId();
    }

    /**
     * Releases the connections and threads this client created; calls in flight fail with a
     * {@link dev.codespar.errors.NetworkError} ({@code client_closed}), later calls are refused. Idempotent. Neither
     * a given {@link OkHttpClient} nor, for a {@link #withOptions} view, the client it came from is shut down.
     */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "CodeSparClient{baseUrl=" + getBaseUrl() + ", projectId=" + getProjectId() + ", apiKey=[redacted]}";
    }

    /**
     * Configures and builds a {@link CodeSparClient}. Not thread-safe; {@link #build()} checks every setting and
     * throws {@link ConfigError} naming the one that is wrong.
     */
    public static final class Builder {

        private String apiKey;
        private String baseUrl;
        private String projectId;
        private Duration timeout = Duration.ofSeconds(60);
        private Duration callTimeout;
        private Duration sendStreamIdleTimeout = Duration.ofMinutes(5);
        private Duration statusStreamIdleTimeout = Duration.ofSeconds(45);
        private Duration maxPostConnectionIdle = Duration.ofSeconds(1);
        private RetryPolicy.Builder retry = RetryPolicy.builder();
        private OkHttpClient httpClient;
        private Function<String, String> environment = System::getenv;
        private Function<String, String> properties = System::getProperty;
        private Boolean verboseLog;
        private Timing timing = Timing.system();
        private CallObserver callObserver;

        private Builder() {}

        /**
         * The secret API key ({@code csk_live_...} or {@code csk_test_...}). Default: env {@code CODESPAR_API_KEY}.
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
         * @param id the project id
         * @return this builder
         */
        public Builder projectId(String id) {
            this.projectId = id;
            return this;
        }

        /**
         * How many times a failed request may be sent again (default 2; 0 disables retries; at most 10).
         * @param n the retry count
         * @return this builder
         */
        public Builder maxRetries(int n) {
            retry.maxRetries(n);
            return this;
        }

        /**
         * The longest server-requested wait slept through before a retry (default 60 s); longer ones throw at once.
         * @param wait the cap
         * @return this builder
         */
        public Builder maxRetryWait(Duration wait) {
            retry.maxRetryWait(wait);
            return this;
        }

        /**
         * Also retry 500 {@code internal_error} answers (default off).
         * @param retryOn whether to retry
         * @return this builder
         */
        public Builder retryOnInternalError(boolean retryOn) {
            retry.retryOnInternalError(retryOn);
            return this;
        }

        /**
         * Also retry a {@code POST} answered 504 {@code gateway_timeout} (default off: a payout may have gone through).
         * @param retryOn whether to retry
         * @return this builder
         */
        public Builder retryPostOnGatewayTimeout(boolean retryOn) {
            retry.retryPostOnGatewayTimeout(retryOn);
            return this;
        }

        /**
         * Replaces every retry setting with those of a policy; later retry calls on this builder change it further.
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "policy").toBuilder();
            return this;
        }

        /**
         * The timeout of one attempt, connect to last byte (default 60 s, at most 1 h); streams use idle timeouts.
         * @param value the per-attempt timeout
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /**
         * A deadline for a call, its retries and waits (default none); a retry that cannot finish before it is skipped.
         * @param value the deadline, or {@code null} for none
         * @return this builder
         */
        public Builder callTimeout(Duration value) {
            this.callTimeout = value;
            return this;
        }

        /**
         * The longest silence a {@code sendStream} tolerates before a {@link dev.codespar.errors.StreamError} (5 min).
         * @param value the idle timeout
         * @return this builder
         */
        public Builder sendStreamIdleTimeout(Duration value) {
            this.sendStreamIdleTimeout = value;
            return this;
        }

        /**
         * The longest silence a status stream tolerates (default 45 s; the server sends a heartbeat every 15 s).
         * @param value the idle timeout
         * @return this builder
         */
        public Builder statusStreamIdleTimeout(Duration value) {
            this.statusStreamIdleTimeout = value;
            return this;
        }

        /**
         * The longest a pooled connection may have been idle for a {@code POST} to be sent on it (default 1 s).
         * Servers close idle keep-alive connections (Node after 5 s, gunicorn after 2 s), and a payment written on a
         * connection the server has just closed cannot be told from one it processed. So before a {@code POST} the
         * SDK closes connections idle for longer than this and sends on a fresh one; {@link Duration#ZERO} opens one
         * for every {@code POST}. {@code GET} and {@code DELETE} reuse connections as OkHttp does.
         * @param value the bound, zero or positive and at most 1 hour
         * @return this builder
         */
        public Builder maxPostConnectionIdle(Duration value) {
            this.maxPostConnectionIdle = value;
            return this;
        }

        /**
         * An OkHttp client to send with (proxies, TLS, event listeners, shared pools). The SDK sets its timeouts and
         * interceptors on a {@link OkHttpClient#newBuilder()} copy and never shuts the given client down.
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
         * @param observer the observer, or {@code null} for none
         * @return this builder
         */
        public Builder callObserver(CallObserver observer) {
            this.callObserver = observer;
            return this;
        }

        /**
         * Reads every setting of the environment table ({@code docs/configuration.md}): {@code CODESPAR_API_KEY},
         * {@code _BASE_URL}, {@code _PROJECT_ID}, {@code _MAX_RETRIES}, {@code _TIMEOUT},
         * {@code _MAX_POST_CONNECTION_IDLE}, each overridden by its {@code codespar.*} system property
         * ({@code codespar.api-key}, ...). Builder calls made after this one win.
         * @return this builder
         * @throws ConfigError when a value cannot be read (a timeout that is not a duration, ...)
         */
        public Builder fromEnv() {
            ClientSettings.Setting.API_KEY.ifSet(environment, properties, v -> apiKey = v);
            ClientSettings.Setting.BASE_URL.ifSet(environment, properties, v -> baseUrl = v);
            ClientSettings.Setting.PROJECT_ID.ifSet(environment, properties, v -> projectId = v);
            ClientSettings.Setting.MAX_RETRIES.ifSet(environment, properties,
                    v -> maxRetries(ClientSettings.integer(ClientSettings.Setting.MAX_RETRIES, v)));
            ClientSettings.Setting.TIMEOUT.ifSet(environment, properties,
                    v -> timeout = ClientSettings.duration(ClientSettings.Setting.TIMEOUT, v));
            ClientSettings.Setting.MAX_POST_CONNECTION_IDLE.ifSet(environment, properties, v -> maxPostConnectionIdle
                    = ClientSettings.duration(ClientSettings.Setting.MAX_POST_CONNECTION_IDLE, v));
            return this;
        }

        /**
         * Logs every attempt at INFO instead of DEBUG (method, path, status, request id, attempt, elapsed time; never
         * a header or a body). Default: on when {@code CODESPAR_LOG} or {@code codespar.log} is {@code debug}.
         * @param on whether to log attempts at INFO
         * @return this builder
         */
        public Builder debugLogging(boolean on) {
            this.verboseLog = on;
            return this;
        }

        /** Where fallbacks are read from: one lookup for {@code CODESPAR_*} and {@code codespar.*}; for tests. */
        Builder environment(Function<String, String> lookup) {
            this.environment = lookup;
            this.properties = lookup;
            return this;
        }

        /** Clock, sleeps and jitter of the retry loop; tests replace it so that nothing sleeps for real. */
        Builder timing(Timing value) {
            this.timing = value;
            return this;
        }

        /**
         * {@return the client} Checks every setting first.
         * @throws ConfigError naming the wrong setting and how to fix it; the message never contains the key
         */
        public CodeSparClient build() {
            String key = ClientSettings.checkedKey(apiKey != null ? apiKey
                    : ClientSettings.Setting.API_KEY.read(environment, properties));
            HttpUrl url = ClientSettings.checkedBaseUrl(baseUrl != null ? baseUrl
                    : ClientSettings.Setting.BASE_URL.read(environment, properties), DEFAULT_BASE_URL);
            boolean verbose = verboseLog != null ? verboseLog
                    : ClientSettings.verboseLog(ClientSettings.Setting.LOG.read(environment, properties));
            ClientSettings.checkProjectId(projectId);
            ClientSettings.checkDurations(timeout, callTimeout, sendStreamIdleTimeout, statusStreamIdleTimeout,
                    maxPostConnectionIdle);
            RetryPolicy policy = retry.build();
            RetryRules rules = new RetryRules(policy.maxRetries(), policy.maxRetryWait(), policy.baseDelay(),
                    policy.maxBackoff(), policy.retryOnInternalError(), policy.retryPostOnGatewayTimeout());
            HttpTransport transport = new HttpTransport(new HttpTransport.Settings(url, key,
                    ClientSettings.userAgent(VERSION), projectId, rules, timeout, callTimeout, maxPostConnectionIdle,
                    httpClient, timing, callObserver, verbose));
            return new CodeSparClient(new ClientContext(transport, key, sendStreamIdleTimeout, statusStreamIdleTimeout));
        }
    }
}
