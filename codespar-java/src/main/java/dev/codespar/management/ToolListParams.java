package dev.codespar.management;

import jakarta.validation.constraints.Min;

/**
 * Filters and paging of {@link ToolService#list(ToolListParams)}: {@code GET /v1/tools?server=&limit=&offset=}. Every
 * setting is optional and sent only when set. Only {@code server} is documented for this endpoint; {@code limit}
 * and {@code offset} are for a server that pages the list (an answer with {@code total}).
 *
 * <pre>{@code
 * Page<CatalogTool> tools = client.tools().list(ToolListParams.builder().server("asaas").build());
 * }</pre>
 */
public final class ToolListParams {

    private final String server;

    @Min(1)
    private final Integer limit;

    @Min(0)
    private final Integer offset;

    private ToolListParams(Builder b) {
        this.server = b.server;
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

    /** @return the {@code server} filter, or {@code null} */
    public String server() {
        return server;
    }

    /** @return the page size, or {@code null} */
    public Integer limit() {
        return limit;
    }

    /** @return how many tools to skip, or {@code null} */
    public Integer offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "ToolListParams{server=" + server + ", limit=" + limit + ", offset=" + offset + "}";
    }

    /** Builds {@link ToolListParams}. */
    public static final class Builder {
        private String server;
        private Integer limit;
        private Integer offset;

        private Builder() {}

        /**
         * Only the tools of one server, e.g. {@code asaas}.
         *
         * @param value the server id
         * @return this builder
         */
        public Builder server(String value) {
            this.server = value;
            return this;
        }

        /**
         * The page size (1 or more).
         *
         * @param value the size
         * @return this builder
         */
        public Builder limit(Integer value) {
            this.limit = value;
            return this;
        }

        /**
         * How many tools to skip (0 or more).
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
        public ToolListParams build() {
            return new ToolListParams(this);
        }
    }
}
