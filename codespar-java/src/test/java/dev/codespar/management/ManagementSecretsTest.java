package dev.codespar.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.codespar.LogCapture;
import dev.codespar.ManagementFixture;
import dev.codespar.errors.ConflictError;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Secrets of the management surface never reach a log line, an exception message or a toString(). */
class ManagementSecretsTest {

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void noSecretIsLoggedOrPrinted() throws Exception {
        api.enqueue(201, TriggerServiceTest.CREATED);
        api.enqueue("{\"id\":\"trg_0123456789abcdef\",\"secret\":\"" + TriggerServiceTest.ROTATED + "\"}");
        api.enqueue(201, "{\"id\":\"conn_1\",\"server_id\":\"asaas\"}");
        api.enqueue(409, "{\"error\":\"conflict\",\"message\":\"Connection locked\",\"request_id\":\"req_lock\"}");
        api.enqueue(201, ApiKeyServiceTest.CREATED);
        api.enqueue(201, "{\"id\":\"key_2\",\"full_key\":\"" + ApiKeyServiceTest.FULL_KEY + "\"}");

        StringBuilder printed = new StringBuilder();
        try (LogCapture logs = new LogCapture()) {
            Trigger created = api.client.triggers().create(TriggerCreateParams.builder().name("n").event("*")
                    .webhookUrl("https://erp.example.com/hooks").build());
            Trigger rotated = api.client.triggers().rotateSecret(created.id());
            OrgConnectionCreateParams params = OrgConnectionCreateParams.builder().serverId("asaas")
                    .secret(OrgConnectionServiceTest.PROVIDER_SECRET).build();
            OrgConnection connection = api.client.orgConnections().create(params);
            Throwable conflict = catchThrowable(() -> api.client.orgConnections().create(OrgConnectionCreateParams
                    .builder().serverId("asaas").secret(Map.of("token", OrgConnectionServiceTest.PROVIDER_SECRET))
                    .build()));
            ApiKey key = api.client.apiKeys().create("ci");
            ApiKey asyncKey = api.client.apiKeys().createAsync("ci2").get(5, TimeUnit.SECONDS);

            assertThat(created.secret()).isEqualTo(TriggerServiceTest.SECRET);
            assertThat(rotated.secret()).isEqualTo(TriggerServiceTest.ROTATED);
            assertThat(key.fullKey()).isEqualTo(ApiKeyServiceTest.FULL_KEY);
            assertThat(conflict).isInstanceOf(ConflictError.class);
            for (Object o : new Object[] {created, rotated, params, connection, conflict, key, asyncKey, api.client,
                    created.raw(), rotated.raw(), key.raw(), asyncKey.raw(), connection.raw(),
                    ((ConflictError) conflict).getBody()}) {
                printed.append(o).append('\n');
            }
            printed.append(conflict.getMessage());

            assertThat(logs.lines()).as("the SDK logged its attempts at DEBUG").hasSizeGreaterThanOrEqualTo(6);
            String logged = logs.all();
            assertThat(logged).contains("POST /v1/triggers").contains("POST /v1/connections").contains("req_lock");
            assertNoSecret(logged);
        }
        assertNoSecret(printed.toString());
    }

    @Test
    void aWebhookUrlIsPrintedWithoutItsQuery() {
        TriggerCreateParams params = TriggerCreateParams.builder().name("n").event("*")
                .webhookUrl("https://erp.example.com/hooks?token=hook_SECRET_42#frag").build();
        Trigger trigger = new Trigger("trg_1", null, "n", "*", null,
                "https://erp.example.com/hooks?token=hook_SECRET_42", "active", true, null, null, null);

        assertThat(params.toString()).contains("webhookUrl=https://erp.example.com/hooks?...")
                .doesNotContain("hook_SECRET_42").doesNotContain("frag");
        assertThat(trigger.toString()).contains("webhookUrl=https://erp.example.com/hooks?...")
                .doesNotContain("hook_SECRET_42");
        assertThat(params.webhookUrl()).endsWith("?token=hook_SECRET_42#frag");
    }

    private static void assertNoSecret(String text) {
        assertThat(text)
                .doesNotContain(TriggerServiceTest.SECRET)
                .doesNotContain(TriggerServiceTest.ROTATED)
                .doesNotContain(OrgConnectionServiceTest.PROVIDER_SECRET)
                .doesNotContain(ApiKeyServiceTest.FULL_KEY)
                .doesNotContain(ManagementFixture.KEY);
    }
}
