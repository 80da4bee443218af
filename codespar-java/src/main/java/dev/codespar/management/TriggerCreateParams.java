package dev.codespar.management;

import dev.codespar.internal.http.ErrorEnvelope;

/**
 * What {@link TriggerService#create(TriggerCreateParams)} sends: {@code POST /v1/triggers} with
 * {@code {"name", "event", "webhook_url", "server_id"}}.
 *
 * <pre>{@code
 * Trigger t = client.triggers().create(TriggerCreateParams.builder()
 *         .name("Payments to ERP")
 *         .event("payment.confirmed")
 *         .webhookUrl("https://erp.example.com/codespar/webhooks")
 *         .build());
 * secrets.store("codespar-webhook", t.secret());   // shown only now
 * }</pre>
 *
 * <p>Checked before the network: {@code name} and {@code event} not blank, {@code webhookUrl} an absolute
 * {@code https://} URL with a host.
 */
public final class TriggerCreateParams {

    private final String name;
    private final String event;
    private final String webhookUrl;
    private final String serverId;

    private TriggerCreateParams(Builder b) {
        this.name = b.name;
        this.event = b.event;
        this.webhookUrl = b.webhookUrl;
        this.serverId = b.serverId;
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
     * The event subscribed to.
     *
     * @return e.g. {@code payment.confirmed}, or {@code *}
     */
    public String event() {
        return event;
    }

    /**
     * Where deliveries go.
     *
     * @return the HTTPS URL
     */
    public String webhookUrl() {
        return webhookUrl;
    }

    /**
     * The server the trigger is limited to.
     *
     * @return the server id, or {@code null} for every server
     */
    public String serverId() {
        return serverId;
    }

    @Override
    public String toString() {
        return "TriggerCreateParams{name=" + name + ", event=" + event + ", webhookUrl=" + ErrorEnvelope.withoutQuery(webhookUrl)
                + ", serverId=" + serverId + "}";
    }

    /** Builds {@link TriggerCreateParams}. */
    public static final class Builder {
        private String name;
        private String event;
        private String webhookUrl;
        private String serverId;

        private Builder() {}

        /**
         * A display name (required).
         *
         * @param value the name
         * @return this builder
         */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /**
         * The event to deliver, e.g. {@code payment.confirmed} (required); see {@link #allEvents()}.
         *
         * @param value the event name
         * @return this builder
         */
        public Builder event(String value) {
            this.event = value;
            return this;
        }

        /**
         * Subscribes to every event ({@code "event": "*"}).
         *
         * @return this builder
         */
        public Builder allEvents() {
            this.event = Trigger.ALL_EVENTS;
            return this;
        }

        /**
         * Your endpoint: an absolute {@code https://} URL (required). One active trigger per URL and event in a
         * project; a duplicate is refused with {@link dev.codespar.errors.WebhookUrlConflictError}.
         *
         * @param value the URL
         * @return this builder
         */
        public Builder webhookUrl(String value) {
            this.webhookUrl = value;
            return this;
        }

        /**
         * Limits the trigger to the events of one server (optional; omitted when not set).
         *
         * @param value the server id, e.g. {@code asaas}
         * @return this builder
         */
        public Builder serverId(String value) {
            this.serverId = value;
            return this;
        }

        /**
         * Builds the parameters; they are validated when the trigger is created.
         *
         * @return the parameters
         */
        public TriggerCreateParams build() {
            return new TriggerCreateParams(this);
        }
    }
}
