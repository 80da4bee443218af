package dev.codespar.management;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Filters and paging of {@link ProjectService#list(ProjectListParams)}: {@code GET /v1/projects?is_default=&limit=
 * &offset=}. Every setting is optional and sent only when set.
 *
 * <pre>{@code
 * Page<Project> page = client.projects().list(ProjectListParams.builder().limit(100).build());
 * }</pre>
 */
public final class ProjectListParams {

    private final Boolean isDefault;

    @Min(1)
    @Max(100)
    private final Integer limit;

    @Min(0)
    private final Integer offset;

    private ProjectListParams(Builder b) {
        this.isDefault = b.isDefault;
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

    /**
     * The {@code is_default} filter.
     *
     * @return the filter, or {@code null} when not set
     */
    public Boolean isDefault() {
        return isDefault;
    }

    /**
     * The page size.
     *
     * @return the size, or {@code null} for the server's default (50)
     */
    public Integer limit() {
        return limit;
    }

    /**
     * How many projects to skip.
     *
     * @return the offset, or {@code null} for 0
     */
    public Integer offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "ProjectListParams{isDefault=" + isDefault + ", limit=" + limit + ", offset=" + offset + "}";
    }

    /** Builds {@link ProjectListParams}. */
    public static final class Builder {
        private Boolean isDefault;
        private Integer limit;
        private Integer offset;

        private Builder() {}

        /**
         * Only the default project ({@code true}) or only the others ({@code false}).
         *
         * @param value the filter
         * @return this builder
         */
        public Builder isDefault(Boolean value) {
            this.isDefault = value;
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
         * How many projects to skip (0 or more).
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
        public ProjectListParams build() {
            return new ProjectListParams(this);
        }
    }
}
