package dev.codespar.management;

/**
 * What {@link ProjectService#create(ProjectCreateParams)} sends: {@code POST /v1/projects} with
 * {@code {"name", "slug", "environment"}}.
 *
 * <pre>{@code
 * Project p = client.projects().create(ProjectCreateParams.builder()
 *         .name("Checkout (staging)")
 *         .slug("checkout-staging")
 *         .environment(Environment.TEST)
 *         .build());
 * }</pre>
 *
 * <p>Checked before the network: the name (1 to 128 characters, else
 * {@link dev.codespar.errors.InvalidRequestError}) and the slug (1 to 64 characters of {@code [a-z0-9_-]}, else
 * {@link dev.codespar.errors.SlugInvalidError}; {@code default} is reserved,
 * {@link dev.codespar.errors.SlugReservedError}).
 */
public final class ProjectCreateParams {

    private final String name;
    private final String slug;
    private final Environment environment;

    private ProjectCreateParams(Builder b) {
        this.name = b.name;
        this.slug = b.slug;
        this.environment = b.environment;
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
     * The display name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The slug, unique in the organisation.
     *
     * @return the slug
     */
    public String slug() {
        return slug;
    }

    /**
     * The environment.
     *
     * @return the environment, or {@code null} for the server's default
     */
    public Environment environment() {
        return environment;
    }

    @Override
    public String toString() {
        return "ProjectCreateParams{name=" + name + ", slug=" + slug + ", environment=" + environment + "}";
    }

    /** Builds {@link ProjectCreateParams}. */
    public static final class Builder {
        private String name;
        private String slug;
        private Environment environment;

        private Builder() {}

        /**
         * The display name, 1 to 128 characters (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * The slug: 1 to 64 characters of lowercase letters, digits, {@code _} and {@code -}; not {@code default}
         * (required).
         *
         * @param value the slug
         * @return this builder
         */
        public Builder slug(String value) {
            this.slug = value;
            return this;
        }

        /**
         * {@link Environment#LIVE} or {@link Environment#TEST}; omitted when not set (the server's default).
         *
         * @param value the environment
         * @return this builder
         */
        public Builder environment(Environment value) {
            this.environment = value;
            return this;
        }

        /**
         * Builds the parameters; they are validated when the project is created.
         *
         * @return the parameters
         */
        public ProjectCreateParams build() {
            return new ProjectCreateParams(this);
        }
    }
}
