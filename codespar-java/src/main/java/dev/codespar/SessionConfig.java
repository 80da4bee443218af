package dev.codespar;

import dev.codespar.policy.ToolPolicy;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to create a session: its servers (or a {@link Preset}), test-mode mocks, metadata, project, and whether to
 * wait for the servers' connections. Immutable; validated before the network when the session is created.
 *
 * <pre>{@code
 * SessionConfig config = SessionConfig.builder()
 *         .servers("asaas", "nuvem-fiscal")
 *         .projectId("prj_0123456789abcdef")
 *         .waitForConnections(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 */
public final class SessionConfig {

    private static final SessionConfig DEFAULTS = builder().build();
    /** A project id, for a session and for the client ({@code CodeSparClient.Builder#projectId}). */
    static final String PROJECT_ID_REGEX = "^prj_[A-Za-z0-9]{16}$";
    /** {@link #PROJECT_ID_REGEX}, compiled once. */
    static final java.util.regex.Pattern PROJECT_ID = java.util.regex.Pattern.compile(PROJECT_ID_REGEX);

    @Size(max = 20, message = "must list at most 20 servers")
    private final List<@NotBlank @Size(max = 128) String> servers;

    private final Preset preset;

    private final Map<@NotBlank String, @NotNull Object> mocks;

    private final Map<@NotBlank @Size(max = 128) String, @NotNull @Size(max = 1024) String> metadata;

    @Pattern(regexp = PROJECT_ID_REGEX, message = "must look like prj_ followed by 16 letters or digits")
    private final String projectId;

    private final Duration waitForConnections;

    private final ToolPolicy policy;

    private SessionConfig(Builder b) {
        this.servers = b.servers == null ? null : Collections.unmodifiableList(new ArrayList<>(b.servers));
        this.preset = b.preset;
        this.mocks = b.mocks == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.mocks));
        this.metadata = b.metadata == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
        this.projectId = b.projectId;
        this.waitForConnections = b.waitForConnections;
        this.policy = b.policy;
    }

    /**
     * The configuration with nothing set: the default servers, no mocks, the client's project.
     *
     * @return the shared empty configuration
     */
    public static SessionConfig defaults() {
        return DEFAULTS;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The servers set explicitly.
     *
     * @return the list, or {@code null} when not set (then the preset or the defaults apply)
     */
    public List<String> servers() {
        return servers;
    }

    /**
     * The preset, used when no servers are set.
     *
     * @return the preset, or {@code null}
     */
    public Preset preset() {
        return preset;
    }

    /**
     * Test-mode mocks, keyed by {@code server/tool}.
     *
     * @return the mocks, or {@code null} when none were given (then {@code mocks} is not sent)
     */
    public Map<String, Object> mocks() {
        return mocks;
    }

    /**
     * Free-form metadata sent with the session.
     *
     * @return the metadata, or {@code null}
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The session's own project; it wins over the client's.
     *
     * @return the project id, or {@code null}
     */
    public String projectId() {
        return projectId;
    }

    /**
     * How long {@code create} waits for every server of the new session to be connected.
     *
     * @return the deadline, or {@code null} when {@code create} returns at once
     */
    public Duration waitForConnections() {
        return waitForConnections;
    }

    /**
     * The guardrail every {@code execute} of the session consults before the network.
     *
     * @return the policy, or {@code null} for none
     */
    public ToolPolicy policy() {
        return policy;
    }

    /**
     * The bean constraints of the fields above, checked without the validator (exactly: tests hold it to the
     * validator's verdict), so that a well-formed config never pays for Hibernate Validator.
     */
    boolean satisfiesConstraints() {
        if (servers != null) {
            if (servers.size() > 20) {
                return false;
            }
            for (String server : servers) {
                if (!Validation.notBlank(server) || !Validation.sizeAtMost(server, 128)) {
                    return false;
                }
            }
        }
        if (mocks != null) {
            for (Map.Entry<String, Object> e : mocks.entrySet()) {
                if (!Validation.notBlank(e.getKey()) || e.getValue() == null) {
                    return false;
                }
            }
        }
        if (metadata != null) {
            for (Map.Entry<String, String> e : metadata.entrySet()) {
                if (!Validation.notBlank(e.getKey()) || !Validation.sizeAtMost(e.getKey(), 128)
                        || e.getValue() == null || !Validation.sizeAtMost(e.getValue(), 1024)) {
                    return false;
                }
            }
        }
        return projectId == null || PROJECT_ID.matcher(projectId).matches();
    }

    /** Checks what bean validation cannot: the mocks and the wait deadline. */
    void check() {
        if (waitForConnections != null) {
            ConnectionWait.check(waitForConnections, "config.waitForConnections");
        }
        if (mocks != null) {
            MockRules.check(mocks);
        }
    }

    /** The {@code servers} sent: explicit servers, else the preset's, else {@code zoop} and {@code nuvem-fiscal}. */
    List<String> resolvedServers() {
        if (servers != null) {
            return servers;
        }
        return preset != null ? preset.servers() : Preset.DEFAULT_SERVERS;
    }

    @Override
    public String toString() {
        return "SessionConfig{servers=" + servers + ", preset=" + preset
                + ", mocks=" + (mocks == null ? "null" : mocks.size() + " keys")
                + ", metadata=" + (metadata == null ? "null" : metadata.keySet())
                + ", projectId=" + projectId + ", waitForConnections=" + waitForConnections
                + (policy == null ? "" : ", policy=set") + "}";
    }

    /** Builds a {@link SessionConfig}. */
    public static final class Builder {
        private List<String> servers;
        private Preset preset;
        private Map<String, Object> mocks;
        private Map<String, String> metadata;
        private String projectId;
        private Duration waitForConnections;
        private ToolPolicy policy;

        private Builder() {}

        /**
         * The servers the session connects, e.g. {@code "asaas"}; sent exactly as given (an empty list too).
         *
         * @param ids server ids
         * @return this builder
         */
        public Builder servers(String... ids) {
            return servers(ids == null ? null : java.util.Arrays.asList(ids));
        }

        /**
         * The servers the session connects; sent exactly as given (an empty list too).
         *
         * @param ids server ids, or {@code null} to fall back to the preset or the defaults
         * @return this builder
         */
        public Builder servers(List<String> ids) {
            this.servers = ids == null ? null : new ArrayList<>(ids);
            return this;
        }

        /**
         * A server bundle, expanded client-side; ignored when servers are set explicitly.
         *
         * @param value the preset
         * @return this builder
         */
        public Builder preset(Preset value) {
            this.preset = value;
            return this;
        }

        /**
         * Test-mode mocks ({@code csk_test_} keys only), keyed by {@code server/tool}: an object answers every call,
         * an array of objects answers call <i>n</i> with entry <i>n</i>. Forwarded verbatim, in insertion order.
         *
         * <p>Checked before the network, as the server would: each key is a canonical
         * {@code server/tool} name ({@code ^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9_-]*$}, e.g.
         * {@code asaas/create_payment}) or a bare meta-tool name ({@code ^[a-z][a-z0-9_]*$} without {@code __});
         * each value is a non-null object (a {@code Map}, a record, a {@code JsonNode} object) or a list of them; the
         * serialized mocks are at most 64 KiB. A violation throws {@code InvalidRequestError} naming the key.
         *
         * <pre>{@code
         * .mocks(Map.of("asaas/get_payment", List.of(
         *         Map.of("id", "pay_test_42", "status", "PENDING"),
         *         Map.of("id", "pay_test_42", "status", "CONFIRMED"))))
         * }</pre>
         *
         * @param value the mocks; an empty map is sent as {@code {}}
         * @return this builder
         */
        public Builder mocks(Map<String, ?> value) {
            this.mocks = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /**
         * Free-form string metadata, sent only when non-empty.
         *
         * @param value the metadata
         * @return this builder
         */
        public Builder metadata(Map<String, String> value) {
            this.metadata = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /**
         * The project of this session, sent as {@code x-codespar-project} on every request of the session.
         *
         * @param id a {@code prj_} id
         * @return this builder
         */
        public Builder projectId(String id) {
            this.projectId = id;
            return this;
        }

        /**
         * Makes {@code create} wait until every server of the new session is connected, polling
         * {@code GET /v1/sessions/{id}/connections} every second. When the deadline passes first, {@code create}
         * throws {@link dev.codespar.errors.NotConnectedError} carrying the open session and the pending servers,
         * so the caller can send connect links and go on, or close it.
         *
         * @param timeout the deadline, positive and at most 10 minutes; {@code null} to return at once (the default)
         * @return this builder
         */
        public Builder waitForConnections(Duration timeout) {
            this.waitForConnections = timeout;
            return this;
        }

        /**
         * A guardrail every {@code execute} of the session consults before the network: a denied call makes no
         * request and comes back as a failed result with the code {@code policy_denied}. Agent adapters consult it
         * too.
         *
         * @param value the policy, or {@code null} for none (the default)
         * @return this builder
         */
        public Builder policy(ToolPolicy value) {
            this.policy = value;
            return this;
        }

        /**
         * Builds the configuration; it is validated when a session is created with it.
         *
         * @return the configuration
         */
        public SessionConfig build() {
            return new SessionConfig(this);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SessionConfig)) {
            return false;
        }
        SessionConfig c = (SessionConfig) o;
        return Objects.equals(servers, c.servers) && preset == c.preset && Objects.equals(mocks, c.mocks)
                && Objects.equals(metadata, c.metadata) && Objects.equals(projectId, c.projectId)
                && Objects.equals(waitForConnections, c.waitForConnections) && Objects.equals(policy, c.policy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(servers, preset, mocks, metadata, projectId, waitForConnections, policy);
    }
}
