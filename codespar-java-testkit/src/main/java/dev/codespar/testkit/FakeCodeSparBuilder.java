package dev.codespar.testkit;

import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.FakeConfig;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a {@link FakeCodeSpar}; {@link #start()} builds and starts it. Get one from
 * {@link FakeCodeSpar#builder()}.
 *
 * <pre>{@code
 * FakeCodeSpar fake = FakeCodeSpar.builder()
 *         .dialect(Dialect.RUNTIME)               // speak like the open-source runtime
 *         .requireConnection("melhor-envio")      // shipping starts disconnected
 *         .acceptKeys("csk_live_partner_key")     // a second accepted key
 *         .start();
 * }</pre>
 */
public final class FakeCodeSparBuilder {

    /** The agent key of the published mandate fixture, whose DID document the fake serves by default. */
    public static final String FIXTURE_AGENT_KID = "did:web:id.codespar.dev:org_demo:a1#1";
    /** The raw Ed25519 public key of {@link #FIXTURE_AGENT_KID}, hex. */
    public static final String FIXTURE_AGENT_PUBLIC_KEY =
            "70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3";
    /** The issuer key of the mandate fixture (the CLI looks for it at {@code did:web:<the agent's host>}). */
    public static final String FIXTURE_ISSUER_KID = "did:web:id.codespar.dev#1";
    /** The raw Ed25519 public key of {@link #FIXTURE_ISSUER_KID}, hex. */
    public static final String FIXTURE_ISSUER_PUBLIC_KEY =
            "41826edefd6d40fd7c32dd63ebcc0476e4324cd6a424881c53f170fee9865b14";

    private Dialect dialect = Dialect.fromSystemProperty();
    private String apiKey = FakeCodeSpar.DEFAULT_API_KEY;
    private final Set<String> extraKeys = new LinkedHashSet<>();
    private Duration heartbeatInterval = Duration.ofSeconds(15);
    private Duration doneDelay = Duration.ZERO;
    private Duration sessionIdleTimeout = Duration.ofMinutes(30);
    private Clock clock = Clock.systemUTC();
    private final Set<String> requireConnection = new LinkedHashSet<>();
    private int connectAfterPolls;
    private boolean strictTestMode;
    private final Catalog catalog = new Catalog();
    private Duration autoSettle;
    private final Map<String, String> agentKeys = new LinkedHashMap<>(Map.of(FIXTURE_AGENT_KID,
            FIXTURE_AGENT_PUBLIC_KEY, FIXTURE_ISSUER_KID, FIXTURE_ISSUER_PUBLIC_KEY));
    private int journalLimit;
    private boolean runtimeTestMode;
    private boolean runtimeMetaTools = true;
    private boolean controlApi;
    private String host = "127.0.0.1";
    private int port;

    FakeCodeSparBuilder() {}

    /**
     * Which server to impersonate (default {@link Dialect#HOSTED}, or the system property
     * {@value Dialect#PROPERTY}).
     *
     * @param value the dialect
     * @return this builder
     */
    public FakeCodeSparBuilder dialect(Dialect value) {
        this.dialect = Objects.requireNonNull(value, "dialect");
        return this;
    }

    /**
     * The key {@link FakeCodeSpar#client()} uses and the fake accepts (default
     * {@value FakeCodeSpar#DEFAULT_API_KEY}). A {@code csk_live_} key makes sessions live: {@code mocks} are refused.
     *
     * @param key a {@code csk_} key
     * @return this builder
     */
    public FakeCodeSparBuilder apiKey(String key) {
        this.apiKey = checkKey(key);
        return this;
    }

    /**
     * More keys the fake accepts beside {@link #apiKey(String)} (their prefix sets their environment:
     * {@code csk_live_} is live, any other test). Every other key is answered 401 {@code unauthorized}.
     *
     * @param keys {@code csk_} keys
     * @return this builder
     */
    public FakeCodeSparBuilder acceptKeys(String... keys) {
        for (String k : keys) {
            extraKeys.add(checkKey(k));
        }
        return this;
    }

    private static String checkKey(String key) {
        if (key == null || !key.startsWith("csk_") || key.length() < 8) {
            throw new IllegalArgumentException("a CodeSpar key starts with csk_");
        }
        return key;
    }

    /**
     * How often status streams send {@code : heartbeat} comments while nothing happens (default 15 s, as the API).
     *
     * @param value the interval, positive
     * @return this builder
     */
    public FakeCodeSparBuilder heartbeatInterval(Duration value) {
        this.heartbeatInterval = positive(value, "heartbeatInterval");
        return this;
    }

    /**
     * How long a status stream waits after a terminal update before it sends {@code done} (the API waits about 5 s;
     * default 0 so tests stay fast).
     *
     * @param value the delay, zero or positive
     * @return this builder
     */
    public FakeCodeSparBuilder doneDelay(Duration value) {
        this.doneDelay = notNegative(value, "doneDelay");
        return this;
    }

    /**
     * How long a hosted session lives without a tool call (default 30 minutes; the runtime never expires them).
     *
     * @param value the idle timeout, positive
     * @return this builder
     */
    public FakeCodeSparBuilder sessionIdleTimeout(Duration value) {
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
    public FakeCodeSparBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Servers that start {@code connected:false} in every hosted session: their tools answer 422
     * {@code needs_connection} (with a live {@code connect_url}) until connected.
     *
     * @param servers server ids
     * @return this builder
     */
    public FakeCodeSparBuilder requireConnection(String... servers) {
        requireConnection.addAll(List.of(servers));
        return this;
    }

    /**
     * Connects every server of a session once {@code GET /connections} has been polled {@code polls} times (the user
     * finishing OAuth while the app waits). Default 0: never by itself.
     *
     * @param polls the poll that sees everything connected, at least 1
     * @return this builder
     */
    public FakeCodeSparBuilder connectAfterPolls(int polls) {
        if (polls < 1) {
            throw new IllegalArgumentException("connectAfterPolls must be at least 1");
        }
        this.connectAfterPolls = polls;
        return this;
    }

    /**
     * Makes every test-key session answer from mocks only, even one created without {@code mocks} (then every tool
     * but the built-ins answers 422 {@code tool_not_mocked}), as a runtime with test mode on does. Default off.
     *
     * @param strict whether to gate every test-key session
     * @return this builder
     */
    public FakeCodeSparBuilder strictTestMode(boolean strict) {
        this.strictTestMode = strict;
        return this;
    }

    /**
     * Adds a server to the catalogue (creating a session with a server outside it answers 400
     * {@code unknown_servers}). The catalogue already holds the preset servers and a few more ({@code asaas},
     * {@code stripe}, {@code mercado-pago}, {@code pagarme}...).
     *
     * @param id the server id
     * @param category {@code payments}, {@code fiscal}, {@code shipping}, {@code messaging}, {@code erp},
     *     {@code crypto}, {@code identity}, {@code commerce}, {@code ledger} or {@code cards} (meta-tools are routed
     *     by it)
     * @param authType e.g. {@code api_key} or {@code oauth}
     * @return this builder
     */
    public FakeCodeSparBuilder server(String id, String category, String authType) {
        catalog.add(Objects.requireNonNull(id, "id"), id, Objects.requireNonNull(category, "category"), "BR",
                Objects.requireNonNull(authType, "authType"));
        return this;
    }

    /**
     * Settles every new payment ({@code succeeded}) and verification ({@code approved}) by itself after a delay, for
     * flows that wait on a status stream without a test driving them.
     *
     * @param after the delay after the tool call
     * @return this builder
     */
    public FakeCodeSparBuilder autoSettle(Duration after) {
        this.autoSettle = notNegative(after, "autoSettle");
        return this;
    }

    /**
     * An agent key whose DID document the fake serves at {@code GET /v1/agents/{did}/did.json} (beside the mandate
     * fixture's, {@link #FIXTURE_AGENT_KID}).
     *
     * @param kid the key id, {@code <did>#<n>}
     * @param publicKeyHex the raw 32-byte Ed25519 public key, 64 hex digits
     * @return this builder
     */
    public FakeCodeSparBuilder agentKey(String kid, String publicKeyHex) {
        if (kid == null || !kid.startsWith("did:") || !kid.contains("#")) {
            throw new IllegalArgumentException("a key id is <did>#<n>, e.g. did:web:example.com:agent#1");
        }
        if (publicKeyHex == null || !publicKeyHex.matches("^[0-9a-fA-F]{64}$")) {
            throw new IllegalArgumentException("an Ed25519 public key is 64 hex digits");
        }
        agentKeys.put(kid, publicKeyHex.toLowerCase(java.util.Locale.ROOT));
        return this;
    }

    /**
     * The runtime dialect's test mode, its deployment flag {@code CODESPAR_TEST_MODE_ENABLED} (default off; the key
     * does not matter to the runtime). On: sessions may declare {@code mocks}, and every {@code server/tool} call of
     * every session is answered from mocks only (422 {@code tool_not_mocked} without one). Off: {@code mocks} are
     * refused with 501 {@code mocks_not_permitted} and raw tools run on the session's servers.
     *
     * @param enabled whether test mode is on
     * @return this builder
     */
    public FakeCodeSparBuilder runtimeTestMode(boolean enabled) {
        this.runtimeTestMode = enabled;
        return this;
    }

    /**
     * Whether the runtime dialect has the fourteen meta-tools registered, as a runtime with the platform's plugin
     * does (default on). Off: every meta-tool answers {@code Tool not registered}, and the agent's call of one is
     * {@code unknown_tool_name}, as a bare open-source runtime answers.
     *
     * @param registered whether the meta-tools are registered
     * @return this builder
     */
    public FakeCodeSparBuilder runtimeMetaTools(boolean registered) {
        this.runtimeMetaTools = registered;
        return this;
    }

    /**
     * Serves the control routes under {@code /_fake/} (no key needed), so a test in another language can drive a
     * fake run as a process: {@code POST /_fake/reset}, {@code /_fake/payments/{toolCallId}/settle {status}},
     * {@code /_fake/verifications/{toolCallId}/settle {status}}, {@code /_fake/sessions/{id}/connect {server}},
     * {@code /_fake/connect-links/{token}/complete}, {@code /_fake/consents/{token}/approve {consumer_id}},
     * {@code /_fake/events {event, data}}, {@code /_fake/clock/advance {seconds}}, {@code /_fake/scenario} (a
     * scenario file's programming part), {@code GET /_fake/journal}. Default off; no real server has them.
     *
     * @param enabled whether to serve them
     * @return this builder
     */
    public FakeCodeSparBuilder controlApi(boolean enabled) {
        this.controlApi = enabled;
        return this;
    }

    /**
     * How many requests the journal keeps, the oldest dropped first (default 0: all, as a test wants; a long-running
     * standalone fake keeps the last 10 000).
     *
     * @param requests the limit, 0 for none
     * @return this builder
     */
    public FakeCodeSparBuilder journalLimit(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("journalLimit must be zero or positive");
        }
        this.journalLimit = requests;
        return this;
    }

    /**
     * Where to listen (default {@code 127.0.0.1}). {@code localhost} listens on {@code 127.0.0.1} and {@code ::1}
     * and names {@code localhost} in {@link FakeCodeSpar#baseUrl()}, the only plain-http host the official clients
     * accept.
     *
     * @param value a loopback host name or address
     * @return this builder
     * @throws IllegalArgumentException for an address that is not loopback
     */
    public FakeCodeSparBuilder host(String value) {
        Objects.requireNonNull(value, "host");
        for (InetAddress a : Listen.addresses(value)) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("the fake listens on loopback only, not " + value);
            }
        }
        this.host = value;
        return this;
    }

    /**
     * The port (default 0: a free one).
     *
     * @param value 0..65535
     * @return this builder
     */
    public FakeCodeSparBuilder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        this.port = value;
        return this;
    }

    /**
     * Builds the fake and starts listening.
     *
     * @return the running fake
     */
    public FakeCodeSpar start() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(apiKey);
        keys.addAll(extraKeys);
        return new FakeCodeSpar(new FakeConfig(dialect, apiKey, Set.copyOf(keys), heartbeatInterval, doneDelay,
                sessionIdleTimeout, clock, Set.copyOf(requireConnection), connectAfterPolls, strictTestMode,
                catalog.copy(), autoSettle, Map.copyOf(agentKeys), journalLimit, runtimeTestMode, runtimeMetaTools,
                controlApi),
                host, port);
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
