package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.CodeSparClient;
import dev.codespar.SessionConfig;
import dev.codespar.errors.UnauthorizedError;
import org.junit.jupiter.api.Test;

/** Only the fake's own keys are accepted, as the real API accepts only the organisation's. */
class KeysTest {

    @Test
    void aKeyTheFakeDoesNotKnowIsUnauthorizedAndPaysNothing() {
        try (FakeCodeSpar fake = FakeCodeSpar.start();
                CodeSparClient stranger = CodeSparClient.builder().apiKey("csk_test_someone_else")
                        .baseUrl(fake.baseUrl()).build()) {
            UnauthorizedError e = (UnauthorizedError) catchApi(() -> stranger.create("user_1",
                    SessionConfig.builder().servers("asaas").build()));

            assertThat(e.getStatus()).isEqualTo(401);
            assertThat(e.getCode()).isEqualTo("unauthorized");
            assertThat(e.getMessage()).doesNotContain("csk_test_someone_else");
            assertThat(fake.sessions()).isEmpty();
            assertThat(fake.journal().last().status()).isEqualTo(401);
        }
    }

    @Test
    void theBuilderAcceptsMoreKeysAndTheirPrefixSetsTheEnvironment() {
        try (FakeCodeSpar fake = FakeCodeSpar.builder().acceptKeys("csk_live_partner_0123").start();
                CodeSparClient live = fake.clientBuilder().apiKey("csk_live_partner_0123").build();
                Raw raw = new Raw(fake)) {
            live.create("user_1", SessionConfig.builder().servers("asaas").build());
            assertThat(fake.sessions()).hasSize(1);

            Raw.Reply mocks = raw.call(raw.request("/v1/sessions")
                    .header("Authorization", "Bearer csk_live_partner_0123")
                    .post(okhttp3.RequestBody.create("{\"servers\":[\"asaas\"],\"user_id\":\"u\",\"mocks\":{}}",
                            okhttp3.MediaType.get("application/json"))).build());
            assertThat(mocks.code()).isEqualTo(403);
            assertThat(mocks.json().get("code").asText()).isEqualTo("mocks_not_permitted");
            assertThat(raw.get("/v1/whoami").json().at("/key/environment").asText()).isEqualTo("test");
        }
    }

    @Test
    void aKeyCreatedThroughTheApiIsAcceptedAtOnce() {
        try (FakeCodeSpar fake = FakeCodeSpar.start(); CodeSparClient client = fake.client(); Raw raw = new Raw(fake)) {
            String full = client.apiKeys().create("billing-worker").fullKey();

            try (CodeSparClient worker = fake.clientBuilder().apiKey(full).build()) {
                worker.create("user_1", SessionConfig.builder().servers("asaas").build());
            }

            assertThat(full).startsWith("csk_test_");
            assertThat(fake.sessions()).hasSize(1);
            assertThat(raw.get("/v1/api-keys").json().get("keys")).anySatisfy(k -> {
                assertThat(k.get("name").asText()).isEqualTo("billing-worker");
                assertThat(k.get("last_used_at").isNull()).isFalse();
                assertThat(k.has("full_key")).isFalse();
            });
        }
    }
}
