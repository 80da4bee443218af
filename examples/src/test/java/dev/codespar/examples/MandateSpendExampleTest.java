package dev.codespar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.testkit.FakeCodeSpar;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mandate example verifies the golden token both ways and spends on the fake as it says it does. */
class MandateSpendExampleTest {

    private final FakeCodeSpar fake = FakeCodeSpar.start();
    private final CodeSparClient client = fake.client();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theGoldenTokenVerifiesOfflineAndOnlineAndIsReportedExpired() {
        Clock may2026 = Clock.fixed(Instant.parse("2026-05-02T10:00:00Z"), ZoneOffset.UTC);

        assertThat(MandateSpendExample.verifyToken(client, may2026, out)).isTrue();

        assertThat(printed())
                .contains("mandate mnd_v3_abc...: agent a1 may spend 5000 BRL on [refund, utility], agent DID "
                        + "did:web:id.codespar.dev:org_demo:a1")
                .contains("offline: agent signature VERIFIED, issuer signature VERIFIED, verified=true, expired=true "
                        + "(authorise with verifiedAt(clock): false)")
                .contains("online: agent key from " + fake.baseUrl()
                        + "/v1/agents/did%3Aweb%3Aid.codespar.dev%3Aorg_demo%3Aa1/did.json, verified=true");
        assertThat(fake.journal().calls("GET", "/v1/agents/*/did.json")).hasSize(1)
                .allSatisfy(call -> assertThat(call.header("Authorization")).isNull());
    }

    @Test
    void spendsUnderTheCapsAndIsRefusedOverThem() {
        long left = MandateSpendExample.spend(client, fake, out);

        assertThat(left).isEqualTo(47_500).isEqualTo(fake.consumers().available("cons_ana", "BRL"));
        assertThat(printed()).contains("the consumer approved: mandate mnd_")
                .contains("spent R$ 25.00: transaction txn_").contains(", 47500 left")
                .contains("R$ 150.00 refused: budget_exceeded (per_tx_cap), nothing charged")
                .contains("wallet: authorised 50000, spent 2500, available 47500 (BRL minor units)");
        assertThat(fake.journal().calls("POST", "/v1/consumers/mandates/*/spend")).extracting(c -> c.status())
                .containsExactly(200, 403);
    }
}
