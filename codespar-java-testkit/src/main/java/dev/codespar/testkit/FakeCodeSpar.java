package dev.codespar.testkit;

import dev.codespar.CodeSparClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;

/**
 * An in-JVM fake of the CodeSpar API on loopback ({@code 127.0.0.1}, a free port), for testing code that uses the
 * SDK without the network or an API key. It speaks the wire of the real API: sessions, {@code execute},
 * {@code proxy_execute}, {@code send} (JSON and event stream), connections and Connect Links, payment and
 * verification status (and their live streams), test-mode {@code mocks}, and the error envelopes, status codes and
 * headers of the error reference. Every answer carries a fresh {@code X-Request-Id} (and {@code request_id} in error
 * bodies).
 *
 * <pre>{@code
 * try (FakeCodeSpar fake = FakeCodeSpar.start();
 *      CodeSparClient client = fake.client()) {
 *     fake.failNext("rate_limited").onTool("codespar_pay").retryAfter(Duration.ZERO);
 *     Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
 *     ToolResult paid = session.execute("codespar_pay",
 *             Map.of("amount", 1000, "currency", "BRL", "method", "pix", "recipient", "ana@example.com"));
 *     fake.journal().assertExecutedTimes("codespar_pay", 2);      // a 429, then the SDK's retry
 *     fake.settlePayment(paid.toolCallId(), "succeeded");         // pushes update + done to open status streams
 * }
 * }</pre>
 *
 * <p><b>What it does by itself.</b> Sessions get every server connected unless {@link #requireConnection} says
 * otherwise. Meta-tools run on the session's first server of their kind ({@code codespar_pay} on a payment server,
 * {@code codespar_ship} on a shipping server...; none fits → a {@code no_eligible_providers} tool failure);
 * {@code codespar_pay}, {@code codespar_charge} and {@code codespar_kyc} validate their required fields (HTTP 400
 * {@code invalid_request}) and start a pending payment or verification that {@link #settlePayment} and
 * {@link #settleVerification} settle. {@code server/tool} names answer a generic success when the server is in the
 * session, else {@code Tool not registered}. Sessions expire after 30 minutes without a tool call on the fake's clock
 * ({@link #advanceTime}) or at once with {@link #expireSession}; closed and expired sessions answer 404
 * {@code not_found}.
 *
 * <p><b>Test mode.</b> A session created with {@code mocks} (a {@code csk_test_} key only, else 403
 * {@code mocks_not_permitted}) is answered from its mocks alone, like the test-mode API: an object answers every
 * call, an array answers call <i>n</i> with entry <i>n</i> and then 422 {@code mocks_exhausted}; a tool without a
 * mock answers 422 {@code tool_not_mocked}; {@code codespar_discover}, {@code codespar_manage_connections} and
 * {@code codespar_list_tools} bypass the gate. Mocks are validated like the server does (413 over 64 KiB, 400
 * {@code mocks_invalid} with a JSON-pointer {@code field}). {@link Builder#strictTestMode(boolean)} extends the gate
 * to every {@code csk_test_} session.
 *
 * <p><b>Programming it.</b> {@link #onTool(String)}, {@link #onProxy(String, String, String)} and {@link #onSend()}
 * set canned answers; {@link #failNext(String)}, {@link #failTimes(int, String)} inject errors by code (with the
 * status of the error reference, {@code Retry-After} and {@code X-RateLimit-Reset} on 429/503, a live
 * {@code connect_url} on {@code needs_connection}); {@link #injectNext(Fault)} injects transport faults.
 * {@link #journal()} records every request (the key masked) for assertions.
 *
 * <p>Thread-safe. {@link #close()} ends open streams and stops the server. For JUnit 5, see {@link CodeSparFake}.
 */
public final class FakeCodeSpar implements AutoCloseable {

    /**
     * MockWebServer warns "didn't make a request" for every connection the fake takes over to stream or drops on
     * purpose; the warning is wrong here, so that one logger only reports severe problems. Held strongly: a
     * {@code java.util.logging} logger nobody references loses its level.
     */
    private static final java.util.logging.Logger MOCK_WEB_SERVER_LOG = quietMockWebServerLog();

    /** The API key of {@link #client()}: a test-mode key, so {@code mocks} are accepted. */
    public static final String DEFAULT_API_KEY = "csk_test_fake_0123456789abcdef";

    private final MockWebServer server;
    private final FakeState state;
    private final FakeDispatcher dispatcher;
    private final RequestJournal journal = new RequestJournal();
    private final String baseUrl;
    private final String apiKey;
    private volatile boolean closed;

    private FakeCodeSpar(FakeConfig config) {
        this.state = new FakeState(config);
        this.dispatcher = new FakeDispatcher(state, journal);
        this.apiKey = config.apiKey();
        this.server = new MockWebServer();
        server.setServerSocketFactory(new TrackedSockets());
        server.setDispatcher(dispatcher);
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("FakeCodeSpar could not listen on 127.0.0.1", e);
        }
        this.baseUrl = "http://127.0.0.1:" + server.getPort();
        state.baseUrl(baseUrl);
    }

    private static java.util.logging.Logger quietMockWebServerLog() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(MockWebServer.class.getName());
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    /**
     * Starts a fake with the default settings.
     *
     * @return the running fake; close it when done
     */
    public static FakeCodeSpar start() {
        return builder().start();
    }

    /**
     * A builder for a fake with custom settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- where it listens

    /**
     * The base URL to configure a client with, e.g. {@code http://127.0.0.1:49321} (no trailing slash).
     *
     * @return the base URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The URL of a path on the fake.
     *
     * @param path e.g. {@code /v1/sessions}
     * @return the URL
     */
    public HttpUrl url(String path) {
        return HttpUrl.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    /**
     * The port the fake listens on (on {@code 127.0.0.1}).
     *
     * @return the port
     */
    public int port() {
        return server.getPort();
    }

    /**
     * The key {@link #client()} and {@link #clientBuilder()} use ({@value #DEFAULT_API_KEY} unless the builder set
     * another). The fake accepts any {@code csk_} key.
     *
     * @return the key
     */
    public String apiKey() {
        return apiKey;
    }

    /**
     * A new client wired to the fake (base URL and test key set, SDK defaults otherwise).
     *
     * @return the client; the caller closes it
     */
    public CodeSparClient client() {
        return clientBuilder().build();
    }

    /**
     * A client builder already pointed at the fake, to adjust retries or timeouts before {@code build()}.
     *
     * <pre>{@code
     * CodeSparClient client = fake.clientBuilder().maxRetries(0).timeout(Duration.ofSeconds(2)).build();
     * }</pre>
     *
     * @return the builder
     */
    public CodeSparClient.Builder clientBuilder() {
        return CodeSparClient.builder().apiKey(apiKey).baseUrl(baseUrl);
    }

    // ---------------------------------------------------------------- canned answers

    /**
     * The canned answer of a tool (created on first use; the same stub afterwards).
     *
     * @param tool the tool name, e.g. {@code codespar_pay} or {@code asaas/create_payment}
     * @return the stub to program
     */
    public ToolStub onTool(String tool) {
        return state.stub(Objects.requireNonNull(tool, "tool"));
    }

    /**
     * The canned provider answer of a proxied call.
     *
     * @param server the server id, e.g. {@code asaas}
     * @param method the HTTP method, e.g. {@code POST}
     * @param endpoint the provider path, e.g. {@code /v3/payments}
     * @return the stub to program
     */
    public ProxyStub onProxy(String server, String method, String endpoint) {
        return state.proxyStub(server, method, endpoint);
    }

    /**
     * A new script for what the agent does on {@code send}; it replaces the previous one.
     *
     * @return the script to program
     */
    public SendScript onSend() {
        return state.newSendScript();
    }

    // ---------------------------------------------------------------- failures

    /**
     * Answers the next API request with an error of the error reference; the status comes from the code
     * ({@code rate_limited} → 429 with {@code Retry-After: 1} and {@code X-RateLimit-Reset}, {@code needs_connection}
     * → 422 with a {@code connect_url}, {@code gateway_timeout} → 504...). Narrow it with the returned handle.
     *
     * @param code a code of the error reference (or one of the test-mode codes)
     * @return the injection, already armed
     * @throws IllegalArgumentException for a code the fake does not know; use {@link #failNext(String, int)}
     */
    public Injection failNext(String code) {
        return failTimes(1, code);
    }

    /**
     * Answers the next API request with an error of any code and status (e.g. a code the SDK does not know yet).
     *
     * @param code the error code
     * @param status the HTTP status, 4xx or 5xx
     * @return the injection, already armed
     */
    public Injection failNext(String code, int status) {
        return failTimes(1, code, status);
    }

    /**
     * Answers the next {@code times} matching API requests with an error of the error reference.
     *
     * @param times how many requests to fail, at least 1
     * @param code a known code
     * @return the injection, already armed
     * @throws IllegalArgumentException for a code the fake does not know
     */
    public Injection failTimes(int times, String code) {
        ErrorCodes.Code known = ErrorCodes.find(code);
        if (known == null) {
            throw new IllegalArgumentException("unknown error code " + code
                    + "; pass its HTTP status: failTimes(times, code, status)");
        }
        return failTimes(times, code, known.status());
    }

    /**
     * Answers the next {@code times} matching API requests with an error of any code and status.
     *
     * @param times how many requests to fail, at least 1
     * @param code the error code
     * @param status the HTTP status, 4xx or 5xx
     * @return the injection, already armed
     */
    public Injection failTimes(int times, String code, int status) {
        return state.register(Injection.error(code, status, times));
    }

    /**
     * Strikes the next API request with a transport fault.
     *
     * @param fault the fault
     * @return the injection, already armed
     */
    public Injection injectNext(Fault fault) {
        return injectTimes(1, fault);
    }

    /**
     * Strikes the next {@code times} matching API requests with a transport fault.
     *
     * @param times how many requests, at least 1
     * @param fault the fault
     * @return the injection, already armed
     */
    public Injection injectTimes(int times, Fault fault) {
        return state.register(Injection.fault(fault, times));
    }

    /** Withdraws every injection not yet spent. */
    public void clearInjections() {
        state.clearInjections();
    }

    // ---------------------------------------------------------------- driving the world

    /**
     * Settles a payment (a {@code codespar_pay} or {@code codespar_charge} call): its status changes, an event is
     * recorded, open payment-status streams receive an {@code update} and, for a terminal status
     * ({@code succeeded}, {@code failed}, {@code refunded}), a {@code done} (after the builder's
     * {@link Builder#doneDelay(Duration) done delay}), then they end.
     *
     * @param toolCallId the {@code tool_call_id} of the result
     * @param status the new {@code payment_status}; any string (unknown values test tolerant parsing)
     * @throws IllegalArgumentException when the id is unknown or not a payment
     */
    public void settlePayment(String toolCallId, String status) {
        state.settle(toolCallId, Objects.requireNonNull(status, "status"), ToolCallRecord.Kind.PAYMENT);
    }

    /**
     * Settles a verification (a {@code codespar_kyc} call); like {@link #settlePayment}, terminal statuses being
     * {@code approved}, {@code rejected} and {@code expired}.
     *
     * @param toolCallId the {@code tool_call_id} of the result
     * @param status the new {@code verification_status}
     * @throws IllegalArgumentException when the id is unknown or not a verification
     */
    public void settleVerification(String toolCallId, String status) {
        state.settle(toolCallId, Objects.requireNonNull(status, "status"), ToolCallRecord.Kind.VERIFICATION);
    }

    /**
     * Servers that start {@code connected:false} in sessions created from now on; their tools answer 422
     * {@code needs_connection} until {@link #connect}, the connect link is opened, or
     * {@link Builder#connectAfterPolls(int)} connects them.
     *
     * @param servers server ids
     */
    public void requireConnection(String... servers) {
        state.requireConnection(servers);
    }

    /**
     * Connects a server of a session, as if the user had completed the OAuth flow.
     *
     * @param sessionId the session
     * @param server the server id
     * @throws IllegalArgumentException when the session or the server is unknown
     */
    public void connect(String sessionId, String server) {
        state.connect(sessionId, server);
    }

    /**
     * Completes a Connect Link (what the user's browser does when it opens the link): the server gets connected in
     * the user's sessions. Opening the URL with any HTTP client does the same.
     *
     * @param tokenOrUrl a {@code connect_url}, an {@code authorize_url} or its {@code lnk_} token
     * @throws IllegalArgumentException when the link is unknown
     */
    public void completeConnectLink(String tokenOrUrl) {
        state.completeLink(tokenOrUrl);
    }

    /**
     * Expires a session now: its next call answers 404 {@code not_found}.
     *
     * @param sessionId the session
     * @throws IllegalArgumentException when the session is unknown
     */
    public void expireSession(String sessionId) {
        state.expire(sessionId);
    }

    /**
     * Moves the fake's clock forward (session idle expiry, timestamps, link expiry).
     *
     * @param duration how far
     */
    public void advanceTime(Duration duration) {
        state.advance(duration);
    }

    /**
     * The fake's current time.
     *
     * @return the builder's clock plus every {@link #advanceTime} so far
     */
    public Instant now() {
        return state.now();
    }

    // ---------------------------------------------------------------- inspecting

    /**
     * Every request received so far.
     *
     * @return the journal
     */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * What the fake knows about a session.
     *
     * @param sessionId the session
     * @return its state, or empty when the fake never created it
     */
    public Optional<SessionInfo> session(String sessionId) {
        return state.info(sessionId);
    }

    /**
     * Every session created so far, in creation order.
     *
     * @return snapshots
     */
    public List<SessionInfo> sessions() {
        return state.infos();
    }

    /**
     * Forgets everything: sessions, tool calls, links, stubs, scripts, injections, the journal and the clock offset
     * (open streams end). The settings of the builder stay.
     */
    public void reset() {
        state.reset();
        journal.clear();
    }

    /** Ends open streams and stops the server. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dispatcher.close();
        state.shutdown();
        try {
            server.shutdown();
        } catch (IOException e) {
            throw new UncheckedIOException("FakeCodeSpar did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "FakeCodeSpar{" + baseUrl + ", requests=" + journal.size() + "}";
    }

    /** Settings of a {@link FakeCodeSpar}; {@link #start()} builds and starts it. */
    public static final class Builder {
        private String apiKey = DEFAULT_API_KEY;
        private Duration heartbeatInterval = Duration.ofSeconds(15);
        private Duration doneDelay = Duration.ZERO;
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);
        private Clock clock = Clock.systemUTC();
        private final Set<String> requireConnection = new LinkedHashSet<>();
        private int connectAfterPolls;
        private boolean strictTestMode;
        private final Catalog catalog = new Catalog();
        private Duration autoSettle;

        private Builder() {}

        /**
         * The key {@link FakeCodeSpar#client()} uses (default {@value FakeCodeSpar#DEFAULT_API_KEY}). A
         * {@code csk_live_} key makes sessions live: {@code mocks} are refused with 403.
         *
         * @param key a {@code csk_} key
         * @return this builder
         */
        public Builder apiKey(String key) {
            if (key == null || !key.startsWith("csk_")) {
                throw new IllegalArgumentException("a CodeSpar key starts with csk_");
            }
            this.apiKey = key;
            return this;
        }

        /**
         * How often status streams send {@code : heartbeat} comments while nothing happens (default 15 s, as the
         * API).
         *
         * @param value the interval, positive
         * @return this builder
         */
        public Builder heartbeatInterval(Duration value) {
            this.heartbeatInterval = positive(value, "heartbeatInterval");
            return this;
        }

        /**
         * How long a status stream waits after a terminal update before it sends {@code done} (the API waits about
         * 5 s; default 0 so tests stay fast).
         *
         * @param value the delay, zero or positive
         * @return this builder
         */
        public Builder doneDelay(Duration value) {
            this.doneDelay = notNegative(value, "doneDelay");
            return this;
        }

        /**
         * How long a session lives without a tool call (default 30 minutes, as the hosted API).
         *
         * @param value the idle timeout, positive
         * @return this builder
         */
        public Builder sessionIdleTimeout(Duration value) {
            this.sessionIdleTimeout = positive(value, "sessionIdleTimeout");
            return this;
        }

        /**
         * The clock of timestamps and expiry (default the system clock); {@link FakeCodeSpar#advanceTime} moves it
         * further.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Servers that start {@code connected:false} in every session: their tools answer 422
         * {@code needs_connection} (with a live {@code connect_url}) until connected.
         *
         * @param servers server ids
         * @return this builder
         */
        public Builder requireConnection(String... servers) {
            requireConnection.addAll(List.of(servers));
            return this;
        }

        /**
         * Connects every server of a session once {@code GET /connections} has been polled {@code polls} times (the
         * user finishing OAuth while the app waits). Default 0: never by itself.
         *
         * @param polls the poll that sees everything connected, at least 1
         * @return this builder
         */
        public Builder connectAfterPolls(int polls) {
            if (polls < 1) {
                throw new IllegalArgumentException("connectAfterPolls must be at least 1");
            }
            this.connectAfterPolls = polls;
            return this;
        }

        /**
         * Makes every {@code csk_test_} session answer from mocks only, even one created without {@code mocks} (then
         * every tool but the built-ins answers 422 {@code tool_not_mocked}). Default off: sessions without mocks use
         * stubs and the fake's own behaviour.
         *
         * @param strict whether to gate every test-key session
         * @return this builder
         */
        public Builder strictTestMode(boolean strict) {
            this.strictTestMode = strict;
            return this;
        }

        /**
         * Adds a server to the catalogue (creating a session with a server outside it answers 400
         * {@code unknown_servers}). The catalogue already holds the preset servers and a few more ({@code asaas},
         * {@code stripe}, {@code mercado-pago}, {@code pagarme}...).
         *
         * @param id the server id
         * @param category {@code payments}, {@code fiscal}, {@code shipping}, {@code messaging} or {@code erp}
         *     (meta-tools are routed by it)
         * @param authType e.g. {@code api_key} or {@code oauth}
         * @return this builder
         */
        public Builder server(String id, String category, String authType) {
            catalog.add(Objects.requireNonNull(id, "id"), id, Objects.requireNonNull(category, "category"), "BR",
                    Objects.requireNonNull(authType, "authType"));
            return this;
        }

        /**
         * Settles every new payment ({@code succeeded}) and verification ({@code approved}) by itself after a delay,
         * for flows that wait on a status stream without a test driving them.
         *
         * @param after the delay after the tool call
         * @return this builder
         */
        public Builder autoSettle(Duration after) {
            this.autoSettle = notNegative(after, "autoSettle");
            return this;
        }

        /**
         * Builds the fake and starts listening on {@code 127.0.0.1}.
         *
         * @return the running fake
         */
        public FakeCodeSpar start() {
            return new FakeCodeSpar(new FakeConfig(apiKey, heartbeatInterval, doneDelay, sessionIdleTimeout, clock,
                    Set.copyOf(requireConnection), connectAfterPolls, strictTestMode, catalog, autoSettle));
        }

        private static Duration notNegative(Duration value, String name) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be zero or positive");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
