package dev.codespar.management;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link OrgConnectionService#create(OrgConnectionCreateParams)} sends: {@code POST /v1/connections} with
 * {@code {"server_id", "secret", "display_name", "user_id", "connection_metadata"}} (optional fields only when set).
 *
 * <pre>{@code
 * OrgConnection c = client.orgConnections().create(OrgConnectionCreateParams.builder()
 *         .serverId("asaas")
 *         .secret(System.getenv("ASAAS_API_KEY"))
 *         .displayName("Asaas production")
 *         .build());
 * }</pre>
 *
 * <p>The secret is a provider credential: {@link #toString()} never shows it and the SDK never logs it.
 */
public final class OrgConnectionCreateParams {

    private final String serverId;
    private final Object secret;
    private final String displayName;
    private final String userId;
    private final Map<String, Object> connectionMetadata;

    private OrgConnectionCreateParams(Builder b) {
        this.serverId = b.serverId;
        this.secret = b.secret;
        this.displayName = b.displayName;
        this.userId = b.userId;
        this.connectionMetadata = b.connectionMetadata == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(b.connectionMetadata));
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the server id */
    public String serverId() {
        return serverId;
    }

    /**
     * The credential: a {@code String}, or a {@code Map<String, String>} for servers that need several values.
     *
     * @return the secret
     */
    public Object secret() {
        return secret;
    }

    /** @return the label, or {@code null} */
    public String displayName() {
        return displayName;
    }

    /** @return the user the connection is limited to, or {@code null} for the organisation */
    public String userId() {
        return userId;
    }

    /** @return non-secret metadata, or {@code null} */
    public Map<String, Object> connectionMetadata() {
        return connectionMetadata;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "OrgConnectionCreateParams{serverId=" + serverId + ", secret=" + (secret == null ? "null" : "[redacted]")
                + ", displayName=" + displayName + ", userId=" + userId + ", connectionMetadata="
                + (connectionMetadata == null ? "null" : connectionMetadata.keySet()) + "}";
    }

    /** Builds {@link OrgConnectionCreateParams}. */
    public static final class Builder {
        private String serverId;
        private Object secret;
        private String displayName;
        private String userId;
        private Map<String, Object> connectionMetadata;

        private Builder() {}

        /**
         * The server to connect, e.g. {@code asaas} (required). Creating a connection for a server that already
         * has one rotates its secret.
         *
         * @param value the server id
         * @return this builder
         */
        public Builder serverId(String value) {
            this.serverId = value;
            return this;
        }

        /**
         * The credential as one string, e.g. an API key (required, this or {@link #secret(Map)}).
         *
         * @param value the secret
         * @return this builder
         */
        public Builder secret(String value) {
            this.secret = value;
            return this;
        }

        /**
         * The credential as named values, for servers that need several (e.g. a client id and a client secret).
         *
         * @param value the secret values, in the order given
         * @return this builder
         */
        public Builder secret(Map<String, String> value) {
            this.secret = value == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(value));
            return this;
        }

        /**
         * A label for the dashboard (optional).
         *
         * @param value the label
         * @return this builder
         */
        public Builder displayName(String value) {
            this.displayName = value;
            return this;
        }

        /**
         * Limits the connection to one of your users (optional; default: the whole organisation).
         *
         * @param value the user id
         * @return this builder
         */
        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        /**
         * Non-secret metadata stored with the connection (optional): at most 64 keys and 32 KB of JSON.
         *
         * @param value the metadata
         * @return this builder
         */
        public Builder connectionMetadata(Map<String, ?> value) {
            this.connectionMetadata = value == null ? null : new LinkedHashMap<>(value);
            return this;
        }

        /**
         * Builds the parameters; they are validated when the connection is created.
         *
         * @return the parameters
         */
        public OrgConnectionCreateParams build() {
            return new OrgConnectionCreateParams(this);
        }
    }
}
