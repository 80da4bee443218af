package dev.codespar.examples;

import dev.codespar.CodeSparClient;
import dev.codespar.consumers.ConsentInit;
import dev.codespar.consumers.ConsentInitParams;
import dev.codespar.consumers.ConsumerService;
import dev.codespar.consumers.SpendParams;
import dev.codespar.consumers.SpendReceipt;
import dev.codespar.consumers.WalletCurrency;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ForbiddenError;
import dev.codespar.mandate.DidResolutionException;
import dev.codespar.mandate.Mandate;
import dev.codespar.mandate.MandateKeys;
import dev.codespar.mandate.MandateVerification;
import dev.codespar.mandate.Mandates;
import dev.codespar.testkit.FakeCodeSpar;
import java.io.PrintStream;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Check a mandate token's signatures offline, then let an agent spend against a consumer's mandate: ask for a
 * consent, have it approved, spend under the caps, and see a spend over them refused, with nothing charged twice.
 */
public final class MandateSpendExample {

    /**
     * The golden V3 mandate token every official implementation pins (agent {@code a1} of {@code org_demo}, R$ 50.00
     * for refunds and utilities), signed by the agent and the platform issuer.
     */
    static final String GOLDEN_TOKEN = "eyJmb3JtYXRfdmVyc2lvbiI6MywiaWQiOiJtbmRfdjNfYWJjLi4uIiwiYWdlbnRfaWQiOiJhMSIs"
            + "InR5cGUiOiJkZWxlZ2F0aW9uIiwiYW1vdW50IjoiNTAwMCIsImN1cnJlbmN5IjoiQlJMIiwicHVycG9zZXMiOlsicmVmdW5kIiwidXRp"
            + "bGl0eSJdLCJleHBpcmVzX2F0IjoxNzM1Njg5NjAwLCJtYXhfYW1vdW50IjpudWxsLCJwYXJlbnRfaWQiOm51bGwsImRlbm9taW5hdGlv"
            + "biI6bnVsbCwic2VjcmV0X3ZlcnNpb24iOjEsInByaW5jaXBhbF9reWNfcmVmIjoia3ljX2NlbGNvaW5fMTExNDQ0Nzc3MzUiLCJhZ2Vu"
            + "dF9raWQiOiJkaWQ6d2ViOmlkLmNvZGVzcGFyLmRldjpvcmdfZGVtbzphMSMxIiwic2lnbmF0dXJlIjoiNGU2MjdhYzEwNzRmMWMxNTY4"
            + "NGNiMTBkNjNiMWQ0NDgxZmJlZGE4ZjgyNDUwZjI2YzA0Yjc4NjAyMTBmYzNlNCIsImFnZW50X3NpZyI6IkY5VjByU3NmVDFJamVGXzRf"
            + "OXBjaUlWN3cyRVJkTE41ci1VTWtDZFFXamNlOW91WVlZMmF3cnJqRnc1Y0VOS2JURXcwbDYxSGl0WVBPNVpvY2ZRN0JnIiwiaXNzdWVy"
            + "X3NpZyI6IkNsc0E3aFdxMWZCQUctcXJoWUFhaERQbTB4TWRQbDVsT0o2WDBLeFN6cnVKMmtENk5DekgtYmFTYnhjd1R4VENrV2QxZUJw"
            + "SlZrZTNvblVSNm1IMUFnIn0";

    /** The agent's public key of the golden token, as its DID document publishes it. */
    static final String AGENT_KEY_HEX = "70940e2c00698a520339c07332ff35c05cad7b39d024a4f4737310e740b2ecc3";

    /** The platform issuer's public key of the golden token: pin it in your configuration. */
    static final String ISSUER_KEY_HEX = "41826edefd6d40fd7c32dd63ebcc0476e4324cd6a424881c53f170fee9865b14";

    static final String PAYEE = "pix:mercado@example.com";
    static final String AGENT = "agent_shopper";

    private MandateSpendExample() {}

    /**
     * Verifies the golden token with pinned keys, and again with the agent key fetched from its DID document.
     *
     * @param client the client (its {@code agents()} fetches the DID document, without the API key)
     * @param clock the clock expiry is judged by
     * @param out where to report
     * @return whether both checks verified the signatures
     */
    public static boolean verifyToken(CodeSparClient client, Clock clock, PrintStream out) {
        MandateVerification offline = Mandates.verify(GOLDEN_TOKEN, MandateKeys.of(AGENT_KEY_HEX, ISSUER_KEY_HEX));
        Mandate m = offline.mandate();
        out.println("mandate " + m.id() + ": agent " + m.agentId() + " may spend " + m.amount() + " " + m.currency()
                + " on " + m.purposes() + ", agent DID " + offline.agentDid().orElse("?"));
        out.println("offline: agent signature " + offline.agent().status() + ", issuer signature "
                + offline.issuer().status() + ", verified=" + offline.verified()
                + ", expired=" + offline.isExpired(clock) + " (authorise with verifiedAt(clock): "
                + offline.verifiedAt(clock) + ")");

        byte[] agentKey;
        try {
            agentKey = client.agents().publicKey(m.keyId().orElseThrow());
        } catch (DidResolutionException e) {
            if (e.getStatus() != 404) {
                throw e;
            }
            // e.g. the open-source runtime, which serves no DID documents: the pinned keys above are the check
            out.println("online: this server publishes no DID document for " + offline.agentDid().orElseThrow()
                    + " (HTTP 404); the offline check with pinned keys stands");
            return offline.verified();
        }
        MandateVerification online = Mandates.verify(m, MandateKeys.of(agentKey, hex(ISSUER_KEY_HEX)));
        out.println("online: agent key from " + client.agents().documentUrl(offline.agentDid().orElseThrow())
                + ", verified=" + online.verified());
        return offline.verified() && online.verified();
    }

    /**
     * Asks a consumer for a BRL mandate, has the fake approve it as the consumer would on the consent page, and
     * spends against it.
     *
     * @param client the client
     * @param fake the fake that plays the consumer
     * @param out where to report
     * @return what is left in the consumer's BRL wallet, minor units
     */
    public static long spend(CodeSparClient client, FakeCodeSpar fake, PrintStream out) {
        ConsumerService consumers = client.consumers();
        ConsentInit consent = consumers.initConsent(ConsentInitParams.builder()
                .agentId(AGENT).purpose("groceries")
                .currency("BRL").capMinor(50_000).perTxCapMinor(10_000)       // R$ 500 in all, R$ 100 a purchase
                .merchantAllowlist(PAYEE)
                .build());
        out.println("consent waiting for the consumer until " + consent.expiresAt());
        String mandateId = fake.consumers().approveConsent(consent.token(), "cons_ana");
        out.println("the consumer approved: mandate " + mandateId);

        SpendReceipt paid = consumers.spend(mandateId, SpendParams.of(2_500, PAYEE, AGENT));
        out.println("spent R$ 25.00: transaction " + paid.transactionId() + ", receipt " + paid.receiptId()
                + ", " + paid.availableMinor() + " left");
        try {
            consumers.spend(mandateId, SpendParams.of(15_000, PAYEE, AGENT));
            out.println("unexpected: a spend over the per-purchase cap went through");
        } catch (ForbiddenError refused) {
            out.println("R$ 150.00 refused: " + refused.getCode() + " (" + refused.getBody().path("ruleType").asText()
                    + "), nothing charged");
        } catch (ApiError e) {
            if (e.mayHaveBeenProcessed()) {
                out.println("outcome unknown (request_id=" + e.getRequestId() + "): check the wallet, never spend again"
                        + " blindly");
            }
            throw e;
        }
        WalletCurrency brl = consumers.wallet("cons_ana").currency("BRL").orElseThrow();
        out.println("wallet: authorised " + brl.authorizedMinor() + ", spent " + brl.spentMinor() + ", available "
                + brl.availableMinor() + " (BRL minor units)");
        return brl.availableMinor();
    }

    private static byte[] hex(String value) {
        return HexFormat.of().parseHex(value);
    }

    /**
     * Runs the example.
     *
     * @param example the client and what kind of server is behind it
     * @param out where to report
     * @return 0 when the token verified (and, against the fake, the spends went as they should), else 1
     */
    static int run(ExampleClient example, PrintStream out) {
        if (!verifyToken(example.client(), Clock.systemUTC(), out)) {
            out.println("the golden token did not verify");
            return 1;
        }
        if (example.fake().isPresent()) {
            spend(example.client(), example.fake().get(), out);
        } else {
            out.println("no fake consumer here to approve a consent: a real consumer approves it on the consent page;"
                    + " submit it with client.consumers().submitConsent(token, ...) and spend from there");
        }
        return 0;
    }

    /**
     * Runs the example: against the embedded fake without {@code CODESPAR_API_KEY}; with a test key only the token
     * check runs, since a real consumer has to approve the consent.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ExampleSupport.exit(ExampleSupport.run(System::getenv, true, "MandateSpendExample", MandateSpendExample::run,
                System.out));
    }
}
