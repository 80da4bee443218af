package dev.codespar.management;

/**
 * What {@link ApiKeyService#create(ApiKeyCreateParams)} sends: {@code POST /v1/api-keys} with
 * {@code {"name", "env"}} ({@code env} only when set).
 *
 * <pre>{@code
 * ApiKey key = client.apiKeys().create(ApiKeyCreateParams.builder()
 *         .name("billing-worker").environment(Environment.LIVE).build());
 * vault.store("codespar", key.fullKey());   // shown only now
 * }</pre>
 */
public final class ApiKeyCreateParams {

    private final String name;
    private final Environment environment;

    private ApiKeyCreateParams(Builder b) {
        this.name = b.name;
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

    /** @return the label */
    public String name() {
        return name;
    }

    /** @return the environment, or {@code null} for the server's default */
    public Environment environment() {
        return environment;
    }

    @Override
    public String toString() {
        return "ApiKeyCreateParams{name=" + name + ", environment=" + environment + "}";
    }

    /** Builds {@link ApiKeyCreateParams}. */
    public static final class Builder {
        private String name;
        private Environment environment;

        private Builder() {}

        /**
         * A label, 1 to 128 characters (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * A {@code csk_live_} ({@link Environment#LIVE}) or {@code csk_test_} ({@link Environment#TEST}) key; sent as
         * {@code env}, omitted when not set.
         *
         * @param value the environment
         * @return this builder
         */
        public Builder environment(Environment value) {
            this.environment = value;
            return this;
        }

        /**
         * Builds the parameters; they are validated when the key is created.
         *
         * @return the parameters
         */
        public ApiKeyCreateParams build() {
            return new ApiKeyCreateParams(this);
        }
    }
}
