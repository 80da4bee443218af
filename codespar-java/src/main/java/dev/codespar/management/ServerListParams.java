package dev.codespar.management;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Filters and paging of {@link ServerService#list(ServerListParams)}:
 * {@code GET /v1/servers?category=&country=&q=&status=&auth_type=&limit=&offset=}. Every setting is optional and
 * sent only when set, in that order.
 *
 * <pre>{@code
 * Page<CatalogServer> payments = client.servers().list(ServerListParams.builder()
 *         .category("payments").country("BR").limit(100).build());
 * }</pre>
 */
public final class ServerListParams {

    private final String category;
    private final String country;
    private final String query;
    private final String status;
    private final String authType;

    @Min(1)
    @Max(100)
    private final Integer limit;

    @Min(0)
    private final Integer offset;

    private ServerListParams(Builder b) {
        this.category = b.category;
        this.country = b.country;
        this.query = b.query;
        this.status = b.status;
        this.authType = b.authType;
        this.limit = b.limit;
        this.offset = b.offset;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code category} filter, or {@code null} */
    public String category() {
        return category;
    }

    /** @return the {@code country} filter, or {@code null} */
    public String country() {
        return country;
    }

    /** @return the free-text search {@code q}, or {@code null} */
    public String query() {
        return query;
    }

    /** @return the {@code status} filter, or {@code null} */
    public String status() {
        return status;
    }

    /** @return the {@code auth_type} filter, or {@code null} */
    public String authType() {
        return authType;
    }

    /** @return the page size, or {@code null} for the server's default (50) */
    public Integer limit() {
        return limit;
    }

    /** @return how many servers to skip, or {@code null} for 0 */
    public Integer offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "ServerListParams{category=" + category + ", country=" + country + ", q=" + query + ", status="
                + status + ", authType=" + authType + ", limit=" + limit + ", offset=" + offset + "}";
    }

    /** Builds {@link ServerListParams}. */
    public static final class Builder {
        private String category;
        private String country;
        private String query;
        private String status;
        private String authType;
        private Integer limit;
        private Integer offset;

        private Builder() {}

        /**
         * Only servers of a category, e.g. {@code payments}.
         *
         * @param value the category
         * @return this builder
         */
        public Builder category(String value) {
            this.category = value;
            return this;
        }

        /**
         * Only servers for a country, e.g. {@code BR}.
         *
         * @param value the country code
         * @return this builder
         */
        public Builder country(String value) {
            this.country = value;
            return this;
        }

        /**
         * Free-text search over the catalogue (sent as {@code q}).
         *
         * @param value the search text
         * @return this builder
         */
        public Builder query(String value) {
            this.query = value;
            return this;
        }

        /**
         * Only servers in a catalogue status.
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(String value) {
            this.status = value;
            return this;
        }

        /**
         * Only servers with an authentication type, e.g. {@code oauth} or {@code api_key}.
         *
         * @param value the type
         * @return this builder
         */
        public Builder authType(String value) {
            this.authType = value;
            return this;
        }

        /**
         * The page size, 1 to 100 (server default 50).
         *
         * @param value the size
         * @return this builder
         */
        public Builder limit(Integer value) {
            this.limit = value;
            return this;
        }

        /**
         * How many servers to skip (0 or more).
         *
         * @param value the offset
         * @return this builder
         */
        public Builder offset(Integer value) {
            this.offset = value;
            return this;
        }

        /**
         * Builds the parameters; they are validated when the list is requested.
         *
         * @return the parameters
         */
        public ServerListParams build() {
            return new ServerListParams(this);
        }
    }
}
