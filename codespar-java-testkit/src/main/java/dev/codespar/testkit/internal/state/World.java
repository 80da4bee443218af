package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.SessionInfo;
import dev.codespar.testkit.internal.program.Program;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import dev.codespar.testkit.internal.wire.SseFrames;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything the fake remembers: sessions, tool calls and their settlement, connect links, the organisation's
 * management objects and consumer wallets, and the clock. Route handlers and test controls run holding this
 * object's monitor; nothing here blocks or does I/O, so it is never held long. Status streams wait outside it.
 */
public final class World {

    /** The organisation of every key. */
    public static final String ORG_ID = "org_fake";
    /** The organisation's default project. */
    public static final String DEFAULT_PROJECT = "prj_fake000000000000";
    /** How long a connect link works. */
    public static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

    /**
     * What a status-stream subscriber gets first.
     *
     * @param snapshotFrame the {@code snapshot} frame
     * @param terminal whether the call is settled for good already
     * @param queue where updates arrive
     */
    public record Subscription(String snapshotFrame, boolean terminal, BlockingQueue<StreamSignal> queue) {}

    /** The settings. */
    public final FakeConfig config;
    /** What tests programmed. */
    public final Program program = new Program();
    /** Projects, triggers, API keys and org connections. */
    public final Org org;
    /** Consents, mandates and wallets. */
    public final Consumers consumers;
    /** What meta-tools issued, by id: invoices, shipments, cards, ledger accounts, shop checkouts. */
    public final Map<String, ObjectNode> records = new HashMap<>();

    private final Map<String, SessionRecord> sessions = new LinkedHashMap<>();
    private final Map<String, ToolCallRecord> toolCalls = new HashMap<>();
    private final Map<String, String> toolCallByProviderId = new HashMap<>();
    private final Map<String, ConnectLink> links = new HashMap<>();
    private final List<String> requireConnection = new ArrayList<>();
    private Duration offset = Duration.ZERO;
    private String baseUrl = "http://127.0.0.1";
    private ScheduledExecutorService settler;

    /**
     * A fresh world.
     *
     * @param config the settings
     */
    public World(FakeConfig config) {
        this.config = config;
        this.org = new Org(this);
        this.consumers = new Consumers(this);
        requireConnection.addAll(config.requireConnection());
    }

    // ---------------------------------------------------------------- clock and address

    /** @return the fake's time: the configured clock plus every advance */
    public synchronized Instant now() {
        return config.clock().instant().plus(offset);
    }

    /** @param d how far to move the clock; never backwards */
    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset = offset.plus(d);
    }

    /** @param url the base URL the fake listens on */
    public synchronized void baseUrl(String url) {
        this.baseUrl = url;
    }

    /** @return the base URL the fake listens on */
    public synchronized String baseUrl() {
        return baseUrl;
    }

    // ---------------------------------------------------------------- keys

    /**
     * The environment of a key the fake accepts.
     *
     * @param key a bearer token
     * @return {@code test} or {@code live}, or {@code null} when the key is not accepted
     */
    public synchronized String keyEnvironment(String key) {
        return key == null ? null : org.apiKeys.environmentOf(key, now());
    }

    // ---------------------------------------------------------------- sessions

    /** @param servers servers that start disconnected in sessions created from now on */
    public synchronized void requireConnection(String... servers) {
        requireConnection.addAll(List.of(servers));
    }

    /**
     * Whether new sessions start with a server disconnected.
     *
     * @param server the server
     * @return {@code true} when a test required a connection for it
     */
    public synchronized boolean requiresConnection(String server) {
        return requireConnection.contains(server);
    }

    /** @param s a new session to remember */
    public synchronized void add(SessionRecord s) {
        sessions.put(s.id, s);
    }

    /**
     * A session.
     *
     * @param id the id
     * @return it, or {@code null}
     */
    public synchronized SessionRecord session(String id) {
        return sessions.get(id);
    }

    /** @return every session, oldest first */
    public synchronized List<SessionRecord> allSessions() {
        return new ArrayList<>(sessions.values());
    }

    /**
     * A session's status now.
     *
     * @param s the session
     * @return {@code active}, {@code closed} or {@code expired}
     */
    public synchronized String status(SessionRecord s) {
        return s.status(now(), config.dialect() == dev.codespar.testkit.Dialect.HOSTED
                ? config.sessionIdleTimeout() : null);
    }

    /** @param sessionId a session a test expires now */
    public synchronized void expire(String sessionId) {
        known(sessionId).expired = true;
    }

    /**
     * Connects a server of a session (the test control).
     *
     * @param sessionId the session
     * @param server the server
     */
    public synchronized void connect(String sessionId, String server) {
        SessionRecord s = known(sessionId);
        if (!s.connections.containsKey(server)) {
            throw new IllegalArgumentException("session " + sessionId + " has no server " + server + "; its servers: "
                    + s.servers);
        }
        s.connections.put(server, true);
    }

    /**
     * Sets a server's connection in the sessions of a user (every session when the user is {@code null}).
     *
     * @param server the server
     * @param userId the user, or {@code null}
     * @param connected the new state
     */
    public synchronized void setConnected(String server, String userId, boolean connected) {
        for (SessionRecord s : sessions.values()) {
            if ((userId == null || userId.equals(s.userId)) && s.connections.containsKey(server)) {
                s.connections.put(server, connected);
            }
        }
    }

    /**
     * What a test sees of it.
     *
     * @param id a session
     * @return what a test sees of it
     */
    public synchronized Optional<SessionInfo> info(String id) {
        SessionRecord s = sessions.get(id);
        return s == null ? Optional.empty() : Optional.of(s.info(status(s)));
    }

    /** @return what a test sees of every session, oldest first */
    public synchronized List<SessionInfo> infos() {
        List<SessionInfo> all = new ArrayList<>();
        for (SessionRecord s : sessions.values()) {
            all.add(s.info(status(s)));
        }
        return List.copyOf(all);
    }

    private SessionRecord known(String id) {
        SessionRecord s = sessions.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no session " + id + "; sessions: " + sessions.keySet());
        }
        return s;
    }

    // ---------------------------------------------------------------- connect links

    /**
     * Issues a connect link.
     *
     * @param server the server it connects
     * @param userId the user, or {@code null}
     * @param sessionId the session, or {@code null}
     * @return the link
     */
    public synchronized ConnectLink newLink(String server, String userId, String sessionId) {
        ConnectLink link = new ConnectLink(Ids.of("lnk_", 16), server, userId, sessionId, now().plus(LINK_LIFETIME));
        links.put(link.token(), link);
        return link;
    }

    /**
     * The URL a browser opens.
     *
     * @param link a link
     * @return the URL a browser opens
     */
    public synchronized String linkUrl(ConnectLink link) {
        return baseUrl + "/connect/" + link.token();
    }

    /**
     * Its link, or {@code null}.
     *
     * @param token a token
     * @return its link, or {@code null}
     */
    public synchronized ConnectLink link(String token) {
        return links.get(token);
    }

    /**
     * Completes a link by URL or token (the test control).
     *
     * @param tokenOrUrl the link's URL or token
     */
    public synchronized void completeLink(String tokenOrUrl) {
        String token = tokenOrUrl.substring(tokenOrUrl.lastIndexOf('/') + 1);
        ConnectLink link = links.get(token);
        if (link == null) {
            throw new IllegalArgumentException("no connect link " + token);
        }
        complete(link);
    }

    /** @param link a link whose server gets connected in the user's (or the session's) sessions */
    public synchronized void complete(ConnectLink link) {
        if (link.server() == null) {
            return;
        }
        for (SessionRecord s : sessions.values()) {
            boolean sameUser = link.userId() != null && link.userId().equals(s.userId);
            if ((sameUser || s.id.equals(link.sessionId())) && s.connections.containsKey(link.server())) {
                s.connections.put(link.server(), true);
            }
        }
    }

    // ---------------------------------------------------------------- tool calls and settlement

    /**
     * Remembers an answered tool call, for the status endpoints.
     *
     * @param id the {@code tool_call_id}
     * @param tool the tool
     * @param server the server that ran it
     * @param kind what settles it
     * @param success whether the call succeeded
     * @param data its {@code data}, or {@code null}
     * @return the record
     */
    public synchronized ToolCallRecord registerToolCall(String id, String tool, String server,
            ToolCallRecord.Kind kind, boolean success, JsonNode data) {
        ToolCallRecord.Kind k = success ? kind : ToolCallRecord.Kind.OTHER;
        String providerId = data == null ? null
                : Json.string(data, k == ToolCallRecord.Kind.VERIFICATION ? "verification_id" : "id");
        String hosted = data == null ? null : Optional.ofNullable(Json.string(data, "hosted_url"))
                .or(() -> Optional.ofNullable(Json.string(data, "charge_url")))
                .orElse(Json.string(data, "checkout_url"));
        ToolCallRecord rec = new ToolCallRecord(id, tool, server, k, success ? "success" : "error", hosted,
                providerId);
        rec.data = data == null ? null : data.deepCopy();
        toolCalls.put(rec.id, rec);
        if (providerId != null && k != ToolCallRecord.Kind.OTHER) {
            toolCallByProviderId.put(providerId, rec.id);
        }
        if (k != ToolCallRecord.Kind.OTHER && config.autoSettle() != null) {
            scheduleSettle(rec.id, k);
        }
        return rec;
    }

    /**
     * Its record, or {@code null}.
     *
     * @param id a {@code tool_call_id}
     * @return its record, or {@code null}
     */
    public synchronized ToolCallRecord toolCall(String id) {
        return toolCalls.get(id);
    }

    /**
     * The payment call behind it, or {@code null}.
     *
     * @param providerId a payment id
     * @return the payment call behind it, or {@code null}
     */
    public synchronized ToolCallRecord paymentByProviderId(String providerId) {
        String id = toolCallByProviderId.get(providerId);
        return id == null ? null : toolCalls.get(id);
    }

    /**
     * Settles a payment or verification: status, event, and an update to open status streams.
     *
     * @param toolCallId the call
     * @param status the new status
     * @param view payment or verification
     */
    public synchronized void settle(String toolCallId, String status, ToolCallRecord.Kind view) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        if (rec == null) {
            throw new IllegalArgumentException("no tool call " + toolCallId + " (use the tool_call_id of a result)");
        }
        if (rec.kind != view) {
            throw new IllegalArgumentException("tool call " + toolCallId + " is a " + rec.tool + " call; "
                    + (view == ToolCallRecord.Kind.PAYMENT
                            ? "payments settle codespar_pay, codespar_charge, codespar_checkout and codespar_crypto_pay"
                                    + " calls"
                            : "verifications settle codespar_kyc calls"));
        }
        rec.status = status;
        ObjectNode event = Json.object();
        if (view == ToolCallRecord.Kind.PAYMENT) {
            event.put("event_type", "commerce.payment." + status);
            event.put("received_at", Json.iso(now()));
            event.put("provider", rec.server);
            event.put("provider_action", providerAction(status));
            event.put("payment_id", rec.providerId);
        } else {
            event.put("event_type", "commerce.kyc." + status);
            event.put("received_at", Json.iso(now()));
            event.put("provider", rec.server);
            event.put("verification_id", rec.providerId);
        }
        rec.events.add(event);
        StreamSignal signal = StreamSignal.update(SseFrames.frame("update", rec.envelope(view)), rec.isTerminal());
        for (BlockingQueue<StreamSignal> q : rec.subscribers) {
            q.offer(signal);
        }
    }

    private static String providerAction(String status) {
        switch (status) {
            case "succeeded":
                return "PAYMENT_RECEIVED";
            case "failed":
                return "PAYMENT_FAILED";
            case "refunded":
                return "PAYMENT_REFUNDED";
            default:
                return "PAYMENT_UPDATED";
        }
    }

    /**
     * Subscribes a status stream.
     *
     * @param toolCallId the call
     * @param view payment or verification
     * @return the snapshot and the queue of updates
     */
    public synchronized Subscription subscribe(String toolCallId, ToolCallRecord.Kind view) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        BlockingQueue<StreamSignal> queue = new LinkedBlockingQueue<>();
        if (rec == null) {
            // reset between the 200 decision and the head: an empty, final stream
            return new Subscription(SseFrames.frame("snapshot", Json.object().put("tool_call_id", toolCallId)), true,
                    queue);
        }
        String snapshot = SseFrames.frame("snapshot", rec.envelope(view));
        boolean terminal = rec.kind != view || rec.isTerminal();
        if (!terminal) {
            rec.subscribers.add(queue);
        }
        return new Subscription(snapshot, terminal, queue);
    }

    /**
     * Unsubscribes a status stream.
     *
     * @param toolCallId the call
     * @param queue its queue
     */
    public synchronized void unsubscribe(String toolCallId, BlockingQueue<StreamSignal> queue) {
        ToolCallRecord rec = toolCalls.get(toolCallId);
        if (rec != null) {
            rec.subscribers.remove(queue);
        }
    }

    /** Ends every open status stream. */
    public synchronized void stopStreams() {
        for (ToolCallRecord rec : toolCalls.values()) {
            for (BlockingQueue<StreamSignal> q : rec.subscribers) {
                q.offer(StreamSignal.STOP);
            }
        }
    }

    private void scheduleSettle(String toolCallId, ToolCallRecord.Kind kind) {
        if (settler == null) {
            settler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "FakeCodeSpar settler");
                t.setDaemon(true);
                return t;
            });
        }
        String status = kind == ToolCallRecord.Kind.PAYMENT ? "succeeded" : "approved";
        settler.schedule(() -> {
            synchronized (this) {
                if (toolCalls.containsKey(toolCallId)) {
                    settle(toolCallId, status, kind);
                }
            }
        }, config.autoSettle().toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Forgets everything but the settings (open streams end). */
    public synchronized void reset() {
        stopStreams();
        sessions.clear();
        toolCalls.clear();
        toolCallByProviderId.clear();
        links.clear();
        program.reset();
        requireConnection.clear();
        requireConnection.addAll(config.requireConnection());
        org.reset();
        consumers.reset();
        records.clear();
        offset = Duration.ZERO;
    }

    /** Ends streams and the settler thread. */
    public synchronized void shutdown() {
        stopStreams();
        if (settler != null) {
            settler.shutdownNow();
        }
    }
}
