package dev.codespar.management;

/**
 * What {@link ProjectService#update(String, ProjectUpdateParams)} changes: {@code PATCH /v1/projects/{id}} with
 * {@code {"name", "slug", "is_default"}}, each sent only when set. At least one must be set.
 *
 * <pre>{@code
 * client.projects().update("prj_0123456789abcdef", ProjectUpdateParams.builder()
 *         .name("Checkout")
 *         .makeDefault()
 *         .build());
 * }</pre>
 *
 * <p>A project cannot be made "not default": another project becomes the default by being made default, so the API
 * only accepts {@code is_default: true}.
 */
public final class ProjectUpdateParams {

    private final String name;
    private final String slug;
    private final boolean makeDefault;

    private ProjectUpdateParams(Builder b) {
        this.name = b.name;
        this.slug = b.slug;
        this.makeDefault = b.makeDefault;
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
     * The new name.
     *
     * @return the name, or {@code null} to keep it
     */
    public String name() {
        return name;
    }

    /**
     * The new slug.
     *
     * @return the slug, or {@code null} to keep it
     */
    public String slug() {
        return slug;
    }

    /**
     * Whether the project becomes the organisation's default.
     *
     * @return {@code true} to send {@code is_default: true}
     */
    public boolean makeDefault() {
        return makeDefault;
    }

    @Override
    public String toString() {
        return "ProjectUpdateParams{name=" + name + ", slug=" + slug + ", makeDefault=" + makeDefault + "}";
    }

    /** Builds {@link ProjectUpdateParams}. */
    public static final class Builder {
        private String name;
        private String slug;
        private boolean makeDefault;

        private Builder() {}

        /**
         * A new display name, 1 to 128 characters.
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * A new slug, with the same rules as at creation.
         *
         * @param value the slug
         * @return this builder
         */
        public Builder slug(String value) {
            this.slug = value;
            return this;
        }

        /**
         * Makes the project the organisation's default (sends {@code is_default: true}).
         *
         * @return this builder
         */
        public Builder makeDefault() {
            this.makeDefault = true;
            return this;
        }

        /**
         * Builds the parameters; they are validated when the update is sent.
         *
         * @return the parameters
         */
        public ProjectUpdateParams build() {
            return new ProjectUpdateParams(this);
        }
    }
}
