package dev.codespar.mandate;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link Mandates#verify(String, MandateKeys)}: the decoded mandate and the check of each of its two
 * Ed25519 signatures. A well-formed token that does not verify is a result like this one, never an exception.
 *
 * <pre>{@code
 * MandateVerification check = Mandates.verify(token, MandateKeys.of(agentKeyHex, issuerKeyHex));
 * if (check.verifiedAt(Clock.systemUTC())) {
 *     Mandate mandate = check.mandate();
 *     authorise(mandate.agentId(), mandate.amount(), mandate.currency());
 * } else {
 *     log.warn("mandate refused: agent {} issuer {} expired {}",
 *             check.agent().status(), check.issuer().status(), check.isExpired(Clock.systemUTC()));
 * }
 * }</pre>
 *
 * <p>What a verdict proves is only as good as the keys given: the agent signature proves that the holder of the
 * agent key signed these fields, and a token names its agent key itself. Pin the platform issuer key (and require
 * {@code issuer().status() == VERIFIED}) when the token comes from someone you do not otherwise trust.
 *
 * @param mandate the decoded mandate
 * @param agent the check of {@code agent_sig}
 * @param issuer the check of {@code issuer_sig}
 */
public record MandateVerification(Mandate mandate, SignatureCheck agent, SignatureCheck issuer) {

    /**
     * Checks the components.
     *
     * @param mandate the decoded mandate
     * @param agent the check of {@code agent_sig}
     * @param issuer the check of {@code issuer_sig}
     * @throws NullPointerException when a component is {@code null}
     */
    public MandateVerification {
        Objects.requireNonNull(mandate, "mandate");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(issuer, "issuer");
    }

    /**
     * Whether the token verified, by the rule of the official SDKs: at least one signature
     * {@link SignatureStatus#VERIFIED VERIFIED} and none {@link SignatureStatus#FAILED FAILED}. A
     * {@link SignatureStatus#SKIPPED SKIPPED} or {@link SignatureStatus#ABSENT ABSENT} signature neither helps nor
     * hurts. Expiry is not part of this rule: see {@link #verifiedAt(Clock)}.
     *
     * @return {@code true} when verified
     */
    public boolean verified() {
        boolean anyVerified = agent.status() == SignatureStatus.VERIFIED || issuer.status() == SignatureStatus.VERIFIED;
        boolean anyFailed = agent.status() == SignatureStatus.FAILED || issuer.status() == SignatureStatus.FAILED;
        return anyVerified && !anyFailed;
    }

    /**
     * Whether the token {@link #verified() verified} and the mandate has not {@link #isExpired(Clock) expired} at
     * the clock's instant. This is the check to authorise with.
     *
     * <pre>{@code
     * boolean usable = Mandates.verify(token, keys).verifiedAt(Clock.systemUTC());
     * }</pre>
     *
     * @param clock the clock to read
     * @return {@code true} when verified and not expired
     */
    public boolean verifiedAt(Clock clock) {
        return verified() && !mandate.isExpired(clock);
    }

    /**
     * Whether the mandate has expired at the clock's instant; see {@link Mandate#isExpired(Clock)}.
     *
     * @param clock the clock to read
     * @return {@code true} once the clock reads later than {@code expires_at}
     */
    public boolean isExpired(Clock clock) {
        return mandate.isExpired(clock);
    }

    /**
     * The agent key id: the envelope {@code kid} when non-empty, else {@code agent_kid}.
     *
     * @return the key id, e.g. {@code did:web:id.codespar.dev:org_demo:a1#1}, or empty
     */
    public Optional<String> kid() {
        return mandate.keyId();
    }

    /**
     * The agent's DID: {@link #kid()} without its {@code #fragment}. Resolve the agent key from it with
     * {@link AgentDidResolver} when you do not have the key already.
     *
     * @return the DID, e.g. {@code did:web:id.codespar.dev:org_demo:a1}, or empty when there is no key id
     */
    public Optional<String> agentDid() {
        return kid().map(DidDocuments::didOf).filter(did -> !did.isEmpty());
    }
}
