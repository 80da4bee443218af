package dev.codespar.management;

/**
 * Filters of {@link OrgConnectionService#list(OrgConnectionListParams)}:
 * {@code GET /v1/connections?user_id=&server_id=&status=}. Every filter is optional and sent only when set.
 *
 * <pre>{@code
 * Page<OrgConnection> asaas = client.orgConnections().list(OrgConnectionListParams.builder().serverId("asaas").build());
 * }</pre>
 */
public final class OrgConnectionListParams {

    private final String userId;
    private final String serverId;
    private final String status;

    private OrgConnectionListParams(Builder b) {
        this.userId = b.userId;
        this.serverId = b.serverId;
        this.status = b.status;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code user_id} filter, or {@code null} */
    public String userId() {
        return userId;
    }

    /** @return the {@code server_id} filter, or {@code null} */
    public String serverId() {
        return serverId;
    }

    /** @return the {@code status} filter, or {@code null} */
    public String status() {
        return status;
    }

    @Override
    public String toString() {
        return "OrgConnectionListParams{userId=" + userId + ", serverId=" + serverId + ", status=" + status + "}";
    }

    /** Builds {@link OrgConnectionListParams}. */
    public static final class Builder {
        private String userId;
        private String serverId;
        private String status;

        private Builder() {}

        /**
         * Only the connections of one user.
         *
         * @param value the user id
         * @return this builder
         */
        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        /**
         * Only the connections to one server.
         *
         * @param value the server id
         * @return this builder
         */
        public Builder serverId(String value) {
            this.serverId = value;
            return this;
        }

        /**
         * Only the connections in one state, e.g. {@code connected} or {@code revoked}.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(String value) {
            this.status = value;
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public OrgConnectionListParams build() {
            return new OrgConnectionListParams(this);
        }
    }
}
