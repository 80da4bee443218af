package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.codespar.CodeSparClient;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.ToolResult;
import dev.codespar.anthropic.CodeSparAnthropic;
import dev.codespar.langchain4j.CodeSparTools;
import dev.codespar.openai.CodeSparOpenAi;
import dev.codespar.testkit.CodeSparFake;
import dev.codespar.testkit.FakeCodeSpar;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a user's build runs: the SDK, the openai-java, anthropic-java and LangChain4j adapters and the testkit
 * resolved through the BOM alone, working together on one class path against the fake.
 */
@CodeSparFake
class ConsumerTest {

    private static final Map<String, Object> PIX = Map.of("action", "pay", "amount", 1000, "currency", "BRL",
            "method", "pix", "description", "Order 42", "recipient", "ana@example.com");

    @Test
    void paysOnceThroughTheSdk(CodeSparClient client, FakeCodeSpar fake) {
        fake.onTool("codespar_pay").respond(Map.of("id", "pay_1", "status", "pending"));

        try (Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build())) {
            ToolResult paid = session.execute("codespar_pay", PIX);
            assertTrue(paid.success(), () -> "refused: " + paid.error());
            assertEquals("pay_1", paid.data().path("id").asText());
        }

        assertEquals(1000, fake.journal().assertExecutedTimes("codespar_pay", 1).get(0)
                .json().at("/input/amount").asInt());
    }

    @Test
    void theAdaptersOfferTheSessionsTools(CodeSparClient client) {
        try (Session session = client.create("user_1", SessionConfig.builder().servers("asaas").build())) {
            CodeSparOpenAi openAi = CodeSparOpenAi.from(session);
            CodeSparAnthropic anthropic = CodeSparAnthropic.from(session);
            CodeSparTools langchain4j = CodeSparTools.from(session);

            assertTrue(openAi.offers("codespar_pay"), "openai-java tools: " + openAi.tools());
            assertTrue(anthropic.offers("codespar_pay"), "anthropic-java tools: " + anthropic.tools());
            assertEquals(openAi.tools().size(), anthropic.tools().size());
            assertEquals(openAi.tools().size(), langchain4j.toolSpecifications().size());
            assertTrue(langchain4j.toolSpecifications().stream().anyMatch(t -> t.name().equals("codespar_pay")),
                    "LangChain4j tool specifications: " + langchain4j.toolSpecifications());
        }
    }
}
