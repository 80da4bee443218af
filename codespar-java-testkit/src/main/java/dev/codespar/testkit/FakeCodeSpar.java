package dev.codespar.testkit;

import dev.codespar.CodeSparClient;
import dev.codespar.testkit.internal.http.FakeHttpServer;
import dev.codespar.testkit.internal.program.InjectionRule;
import dev.codespar.testkit.internal.program.Journal;
import dev.codespar.testkit.internal.routes.Dispatcher;
import dev.codespar.testkit.internal.routes.RouteTable;
import dev.codespar.testkit.internal.state.FakeConfig;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.TriggerStore;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.ErrorCodes;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A fake of the CodeSpar API on loopback (a free port), for testing code that uses the SDK without the network or
 * an API key. It speaks the wire of the real API: sessions, {@code execute} with the fourteen meta-tools and their
 * published definitions, {@code proxy_execute}, {@code send} (JSON and event stream), connections and Connect
 * Links, payment and verification status (and their live streams), test-mode {@code mocks}, the management API
 * (projects, triggers, API keys, org connections, the catalogue, session listing and logs), consents, mandates and
 * wallets, DID documents, and the error envelopes, status codes and headers of the error reference. Every answer
 * carries a fresh {@code X-Request-Id}. {@link FakeCodeSparBuilder#dialect(Dialect)} makes it speak like the
 * open-source runtime instead.
 *
 * <pre>{@code
 * try (FakeCodeSpar fake = FakeCodeSpar.start();
 *      CodeSparClient client = fake.client()) {
 *     fake.failNext("rate_limited").onTool("codespar_pay").retryAfter(Duration.ZERO);
 *     Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build());
 *     ToolResult paid = session.execute("codespar_pay", Map.of("action", "pay", "amount", 1000, "currency", "BRL",
 *             "method", "pix", "description", "Order 42", "recipient", "ana@example.com"));
 *     fake.journal().assertExecutedTimes("codespar_pay", 2);      // a 429, then the SDK's retry
 *     fake.settlePayment(paid.toolCallId(), "succeeded");         // pushes update + done to open status streams
 * }
 * }</pre>
 *
 * <p><b>What it does by itself.</b> Only its own keys are accepted ({@link #apiKey()}, those of {@link
 * FakeCodeSparBuilder#acceptKeys}, and keys created through {@code POST /v1/api-keys}); any other gets 401. Sessions
 * get every server connected unless {@link #requireConnection} says otherwise. Meta-tools check their input against
 * their definitions and run on the session's first server of their kind ({@code codespar_pay} on a payment server,
 * {@code codespar_ship} on a shipping server...; none fits: a {@code no_eligible_providers} tool failure). Payments,
 * charges and checkouts start pending and verifications too, until {@link #settlePayment} and {@link
 * #settleVerification}. {@code server/tool} names answer an echo when the server is in the session, else {@code Tool
 * not registered}. Hosted sessions expire after 30 minutes without a tool call on the fake's clock ({@link
 * #advanceTime}) or at once with {@link #expireSession}.
 *
 * <p><b>Test mode.</b> A session created with {@code mocks} (a test key only, else 403 {@code mocks_not_permitted})
 * is answered from its mocks alone: an object answers every call, an array answers call <i>n</i> with entry
 * <i>n</i> and then 422 {@code mocks_exhausted}; a tool without a mock answers 422 {@code tool_not_mocked}.
 * {@link FakeCodeSparBuilder#strictTestMode(boolean)} extends the gate to every test-key session.
 *
 * <p><b>Programming it.</b> {@link #onTool(String)}, {@link #onProxy(String, String, String)} and {@link #onSend()}
 * set canned answers; {@link #failNext(String)}, {@link #failTimes(int, String)} inject errors by code;
 * {@link #injectNext(Fault)} injects transport faults; {@link #consumers()} approves consents and shapes mandates;
 * {@link #triggerEvent} signs webhook deliveries. {@link #journal()} records every request (the key masked).
 *
 * <p>Thread-safe. {@link #close()} ends open streams and stops the server. For JUnit 5, see {@link CodeSparFake}; to
 * run it as a process for other languages, see {@link FakeCodeSparMain}.
 */
public final class FakeCodeSpar implements AutoCloseable {

    /** The API key of {@link #client()}: a test-mode key, so {@code mocks} are accepted. */
    public static final String DEFAULT_API_KEY = "csk_test_fake_0123456789abcdef";

    private final World world;
    private final Journal journal;
    private final RequestJournal requestJournal;
    private final Dispatcher dispatcher;
    private final FakeHttpServer server;
    private final FakeConsumers consumers;
    private final String baseUrl;
    private volatile boolean closed;

    FakeCodeSpar(FakeConfig config, String host, int port) {
        this.world = new World(config);
        this.journal = new Journal(config.journalLimit());
        this.requestJournal = new RequestJournal(journal);
        this.dispatcher = new Dispatcher(world, journal, RouteTable.of(world, journal));
        this.server = FakeHttpServer.start(Listen.addresses(host), port, dispatcher, "FakeCodeSpar");
        this.baseUrl = "http://" + Listen.urlHost(host) + ":" + server.port();
        this.consumers = new FakeConsumers(world);
        world.baseUrl(baseUrl);
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
    public static FakeCodeSparBuilder builder() {
        return new FakeCodeSparBuilder();
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
     * The port the fake listens on.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * The key {@link #client()} and {@link #clientBuilder()} use ({@value #DEFAULT_API_KEY} unless the builder set
     * another).
     *
     * @return the key
     */
    public String apiKey() {
        return world.config.apiKey();
    }

    /**
     * The dialect it speaks.
     *
     * @return {@link Dialect#HOSTED} unless the builder said otherwise
     */
    public Dialect dialect() {
        return world.config.dialect();
    }

    /**
     * A new client wired to the fake (base URL and key set, SDK defaults otherwise).
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
        return CodeSparClient.builder().apiKey(apiKey()).baseUrl(baseUrl);
    }

    // ---------------------------------------------------------------- canned answers

    /**
     * The canned answer of a tool (created on first use; the same stub afterwards).
     *
     * @param tool the tool name, e.g. {@code codespar_pay} or {@code asaas/create_payment}
     * @return the stub to program
     */
    public ToolStub onTool(String tool) {
        return new ToolStub(world.program.stub(Objects.requireNonNull(tool, "tool")));
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
        return new ProxyStub(world.program.proxy(server, method, endpoint));
    }

    /**
     * A new script for what the agent does on {@code send}; it replaces the previous one.
     *
     * @return the script to program
     */
    public SendScript onSend() {
        return new SendScript(world.program.newSendPlan());
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
        Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an injected error needs a 4xx or 5xx status, got " + status);
        }
        return new Injection(world.program.register(new InjectionRule(code, status, null, times)));
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
        return new Injection(world.program.register(new InjectionRule(null, 0, Objects.requireNonNull(fault,
                "fault"), times)));
    }

    /** Withdraws every injection not yet spent. */
    public void clearInjections() {
        world.program.clearInjections();
    }

    // ---------------------------------------------------------------- driving the world

    /**
     * Settles a payment (a {@code codespar_pay}, {@code codespar_charge}, {@code codespar_checkout} or
     * {@code codespar_crypto_pay} call): its status changes, an event is recorded, open payment-status streams
     * receive an {@code update} and, for a terminal status ({@code succeeded}, {@code failed}, {@code refunded}), a
     * {@code done} (after the builder's {@link FakeCodeSparBuilder#doneDelay(Duration) done delay}), then they end.
     *
     * @param toolCallId the {@code tool_call_id} of the result
     * @param status the new {@code payment_status}; any string (unknown values test tolerant parsing)
     * @throws IllegalArgumentException when the id is unknown or not a payment
     */
    public void settlePayment(String toolCallId, String status) {
        world.settle(toolCallId, Objects.requireNonNull(status, "status"), ToolCallRecord.Kind.PAYMENT);
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
        world.settle(toolCallId, Objects.requireNonNull(status, "status"), ToolCallRecord.Kind.VERIFICATION);
    }

    /**
     * Servers that start {@code connected:false} in sessions created from now on; their tools answer 422
     * {@code needs_connection} until {@link #connect}, the connect link is opened, or
     * {@link FakeCodeSparBuilder#connectAfterPolls(int)} connects them.
     *
     * @param servers server ids
     */
    public void requireConnection(String... servers) {
        world.requireConnection(servers);
    }

    /**
     * Connects a server of a session, as if the user had completed the OAuth flow.
     *
     * @param sessionId the session
     * @param server the server id
     * @throws IllegalArgumentException when the session or the server is unknown
     */
    public void connect(String sessionId, String server) {
        world.connect(sessionId, server);
    }

    /**
     * Completes a Connect Link (what the user's browser does when it opens the link): the server gets connected in
     * the user's sessions. Opening the URL with any HTTP client does the same.
     *
     * @param tokenOrUrl a {@code connect_url}, an {@code authorize_url} or its {@code lnk_} token
     * @throws IllegalArgumentException when the link is unknown
     */
    public void completeConnectLink(String tokenOrUrl) {
        world.completeLink(tokenOrUrl);
    }

    /**
     * Expires a session now: its next call answers 404 {@code not_found}.
     *
     * @param sessionId the session
     * @throws IllegalArgumentException when the session is unknown
     */
    public void expireSession(String sessionId) {
        world.expire(sessionId);
    }

    /**
     * Moves the fake's clock forward (session idle expiry, timestamps, link and mandate expiry).
     *
     * @param duration how far
     */
    public void advanceTime(Duration duration) {
        world.advance(duration);
    }

    /**
     * The fake's current time.
     *
     * @return the builder's clock plus every {@link #advanceTime} so far
     */
    public Instant now() {
        return world.now();
    }

    /**
     * The consumers' side: approve consents, grant mandates, change caps, read wallet balances.
     *
     * @return the handle
     */
    public FakeConsumers consumers() {
        return consumers;
    }

    /**
     * Makes the signed deliveries an event produces: one per active trigger subscribed to it ({@code *} or the
     * event), each with the exact body bytes and its {@code X-CodeSpar-Signature}, ready for the receiving code (or
     * {@link WebhookDelivery#postTo}).
     *
     * @param event the event type, e.g. {@code payment.confirmed}
     * @param data the event's {@code data}, converted with Jackson
     * @return the deliveries, in trigger order (empty when no trigger listens)
     */
    public List<WebhookDelivery> triggerEvent(String event, Object data) {
        synchronized (world) {
            return world.org.triggers.deliver(Objects.requireNonNull(event, "event"), null,
                    data == null ? null : Json.tree(data)).stream()
                    .map(d -> new WebhookDelivery(d.deliveryId(), d.trigger().id, d.event(), d.trigger().webhookUrl,
                            d.body(), d.signature()))
                    .toList();
        }
    }

    void program(dev.codespar.testkit.internal.scenario.Scenario scenario) {
        synchronized (world) {
            scenario.program(world);
        }
    }

    // ---------------------------------------------------------------- inspecting

    /**
     * Every request received so far.
     *
     * @return the journal
     */
    public RequestJournal journal() {
        return requestJournal;
    }

    /**
     * What the fake knows about a session.
     *
     * @param sessionId the session
     * @return its state, or empty when the fake never created it
     */
    public Optional<SessionInfo> session(String sessionId) {
        return world.info(sessionId);
    }

    /**
     * Every session created so far, in creation order.
     *
     * @return snapshots
     */
    public List<SessionInfo> sessions() {
        return world.infos();
    }

    /**
     * Forgets everything: sessions, tool calls, links, stubs, scripts, injections, management objects, consumers,
     * the journal and the clock offset (open streams end). The settings of the builder stay.
     */
    public void reset() {
        world.reset();
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
        world.shutdown();
        server.close();
    }

    @Override
    public String toString() {
        return "FakeCodeSpar{" + baseUrl + ", " + dialect().name().toLowerCase(java.util.Locale.ROOT) + ", requests="
                + journal.size() + "}";
    }
}
