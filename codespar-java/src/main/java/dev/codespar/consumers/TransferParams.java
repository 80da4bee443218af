package dev.codespar.consumers;

/**
 * What {@link ConsumerService#transfer(String, TransferParams)} moves between two currencies of a wallet:
 * {@code {"from_currency", "to_currency", "amount_minor"}}, then {@code "execute": true}, {@code "agent_id"} and
 * {@code "purpose"} only when set.
 *
 * <pre>{@code
 * TransferParams quote = TransferParams.builder().from("BRL").to("USDC").amountMinor(10_000).build();
 * TransferParams run = TransferParams.builder().from("BRL").to("USDC").amountMinor(10_000)
 *         .execute().agentId("agent_travel").purpose("top up USDC").build();
 * }</pre>
 *
 * <p>Without {@link Builder#execute()} the server only plans the route and nothing moves; with it, the transfer is a
 * real ramp trade. Checked before the network: both currencies upper-case ISO 4217 codes (or {@code USDC},
 * {@code USDT}) and different, the amount above zero, agent and purpose not blank when set.
 */
public final class TransferParams {

    private final String fromCurrency;
    private final String toCurrency;
    private final long amountMinor;
    private final boolean execute;
    private final String agentId;
    private final String purpose;

    private TransferParams(Builder b) {
        this.fromCurrency = b.fromCurrency;
        this.toCurrency = b.toCurrency;
        this.amountMinor = b.amountMinor;
        this.execute = b.execute;
        this.agentId = b.agentId;
        this.purpose = b.purpose;
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the currency taken from */
    public String fromCurrency() {
        return fromCurrency;
    }

    /** @return the currency credited */
    public String toCurrency() {
        return toCurrency;
    }

    /** @return the amount in minor units of {@link #fromCurrency()} */
    public long amountMinor() {
        return amountMinor;
    }

    /** @return whether the transfer runs (moves money) rather than being planned */
    public boolean execute() {
        return execute;
    }

    /** @return the agent on whose behalf, or {@code null} */
    public String agentId() {
        return agentId;
    }

    /** @return why, or {@code null} */
    public String purpose() {
        return purpose;
    }

    @Override
    public String toString() {
        return "TransferParams{from=" + fromCurrency + ", to=" + toCurrency + ", amountMinor=" + amountMinor
                + ", execute=" + execute + ", agentId=" + agentId + ", purpose=" + purpose + "}";
    }

    /** Builds {@link TransferParams}; the values are checked when the transfer is sent. */
    public static final class Builder {
        private String fromCurrency;
        private String toCurrency;
        private long amountMinor;
        private boolean execute;
        private String agentId;
        private String purpose;

        private Builder() {}

        /**
         * The currency taken from (required).
         *
         * @param currency e.g. {@code BRL}
         * @return this builder
         */
        public Builder from(String currency) {
            this.fromCurrency = currency;
            return this;
        }

        /**
         * The currency credited (required, not {@link #from(String)}'s).
         *
         * @param currency e.g. {@code USDC}
         * @return this builder
         */
        public Builder to(String currency) {
            this.toCurrency = currency;
            return this;
        }

        /**
         * The amount in minor units of the source currency (required, above zero).
         *
         * @param value the amount
         * @return this builder
         */
        public Builder amountMinor(long value) {
            this.amountMinor = value;
            return this;
        }

        /**
         * Runs the transfer: money moves, and the request is never sent twice. Without it the server only plans.
         *
         * @return this builder
         */
        public Builder execute() {
            this.execute = true;
            return this;
        }

        /**
         * The agent on whose behalf (optional).
         *
         * @param value the agent id
         * @return this builder
         */
        public Builder agentId(String value) {
            this.agentId = value;
            return this;
        }

        /**
         * Why (optional).
         *
         * @param value the purpose
         * @return this builder
         */
        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        /**
         * Builds the parameters.
         *
         * @return the parameters
         */
        public TransferParams build() {
            return new TransferParams(this);
        }
    }
}
