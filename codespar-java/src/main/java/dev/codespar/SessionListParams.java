package dev.codespar;

import jakarta.validation.constraints.Min;

/**
 * Filters and paging of {@link SessionService#list(SessionListParams)}: {@code GET /v1/sessions?status=&limit=
 * &before=}. Every setting is optional and sent only when set.
 *
 * <pre>{@code
 * Page<SessionSummary> open = client.sessions().list(SessionListParams.builder()
 *         .status(SessionStatus.ACTIVE).limit(50).build());
 * }</pre>
 *
 * <p>The listing is cursor-paged: {@link dev.codespar.paging.Page#nextPage()} sends the server's {@code next_before} as {@code before};
 * set {@link Builder#before(String)} yourself only to resume from a cursor you kept
 * ({@link dev.codespar.paging.Page#nextCursor()}).
 */
public final class SessionListParams {

    private final SessionStatus status;

    @Min(1)
    private final Integer limit;

    private final String before;

    private SessionListParams(Builder b) {
        this.status = b.status;
        this.limit = b.limit;
        this.before = b.before;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the {@code status} filter, or {@code null} */
    public SessionStatus status() {
        return status;
    }

    /** @return the page size, or {@code null} for the server's default */
    public Integer limit() {
        return limit;
    }

    /** @return the cursor to resume from, or {@code null} for the newest sessions */
    public String before() {
        return before;
    }

    @Override
    public String toString() {
        return "SessionListParams{status=" + status + ", limit=" + limit + ", before=" + before + "}";
    }

    /** Builds {@link SessionListParams}. */
    public static final class Builder {
        private SessionStatus status;
        private Integer limit;
        private String before;

        private Builder() {}

        /**
         * Only sessions in one state ({@link SessionStatus#UNKNOWN} is refused).
         *
         * @param value the status
         * @return this builder
         */
        public Builder status(SessionStatus value) {
            this.status = value;
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
         * Resume after a cursor a previous page returned ({@link dev.codespar.paging.Page#nextCursor()}).
         *
         * @param cursor the {@code next_before} value
         * @return this builder
         */
        public Builder before(String cursor) {
            this.before = cursor;
            return this;
        }

        /**
         * Builds the parameters; they are validated when the list is requested.
         *
         * @return the parameters
         */
        public SessionListParams build() {
            return new SessionListParams(this);
        }
    }
}
