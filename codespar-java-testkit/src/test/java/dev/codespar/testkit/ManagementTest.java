package dev.codespar.testkit;

import static dev.codespar.testkit.SessionsTest.catchApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.codespar.management.CatalogServer;
import dev.codespar.CodeSparClient;
import dev.codespar.management.Environment;
import dev.codespar.management.OrgConnection;
import dev.codespar.management.OrgConnectionCreateParams;
import dev.codespar.paging.Page;
import dev.codespar.management.Project;
import dev.codespar.management.ProjectCreateParams;
import dev.codespar.management.ProjectUpdateParams;
import dev.codespar.management.ServerListParams;
import dev.codespar.Session;
import dev.codespar.SessionConfig;
import dev.codespar.SessionListParams;
import dev.codespar.SessionSummary;
import dev.codespar.ToolCallLogEntry;
import dev.codespar.management.ToolListParams;
import dev.codespar.management.Trigger;
import dev.codespar.management.TriggerCreateParams;
import dev.codespar.webhooks.WebhookEvent;
import dev.codespar.webhooks.WebhookVerificationException;
import dev.codespar.webhooks.Webhooks;
import dev.codespar.errors.ConflictError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.errors.SlugConflictError;
import dev.codespar.errors.WebhookUrlConflictError;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The management API through the SDK's own services: projects, triggers, org connections, catalogue, sessions. */
class ManagementTest {

    private FakeCodeSpar fake;
    private CodeSparClient client;

    @BeforeEach
    void start() {
        fake = FakeCodeSpar.builder().requireConnection("melhor-envio").start();
        client = fake.clientBuilder().maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void projectsKeepTheirSlugsUniqueAndTheDefaultProtected() {
        Project staging = client.projects().create(ProjectCreateParams.builder().name("Checkout (staging)")
                .slug("checkout-staging").environment(Environment.TEST).build());
        SlugConflictError taken = (SlugConflictError) catchApi(() -> client.projects().create(
                ProjectCreateParams.builder().name("Again").slug("checkout-staging").build()));
        Project defaultProject = client.projects().list().data().stream().filter(Project::isDefault).findFirst()
                .orElseThrow();
        ConflictError protectedDefault = (ConflictError) catchApi(() -> client.projects().delete(defaultProject.id()));

        assertThat(staging.id()).matches("prj_[a-z0-9]{16}");
        assertThat(staging.orgId()).isEqualTo("org_fake");
        assertThat(taken.getStatus()).isEqualTo(409);
        assertThat(protectedDefault.getCode()).isEqualTo("cannot_delete_default");
        assertThat(protectedDefault.getBody().get("project_id").asText()).isEqualTo(defaultProject.id());

        Project promoted = client.projects().update(staging.id(), ProjectUpdateParams.builder().name("Staging")
                .makeDefault().build());
        assertThat(promoted.isDefault()).isTrue();
        assertThat(client.projects().get(defaultProject.id()).isDefault()).isFalse();
        client.projects().delete(defaultProject.id());
        assertThat(client.projects().list().data()).extracting(Project::slug).containsExactly("checkout-staging");
        assertThat(catchApi(() -> client.projects().get(defaultProject.id()))).isInstanceOf(NotFoundError.class);
        assertThat(fake.journal().filter(c -> c.path().startsWith("/v1/projects")).stream()
                .map(RecordedCall::status).collect(Collectors.toList())).contains(201, 409, 200, 204, 404);
    }

    @Test
    void triggersSignDeliveriesThatWebhooksVerifies() throws Exception {
        Trigger trigger = client.triggers().create(TriggerCreateParams.builder().name("Payments to ERP")
                .event("payment.confirmed").webhookUrl("https://erp.example.com/codespar/webhooks").build());
        WebhookUrlConflictError twice = (WebhookUrlConflictError) catchApi(() -> client.triggers().create(
                TriggerCreateParams.builder().name("Again").event("payment.confirmed")
                        .webhookUrl("https://erp.example.com/codespar/webhooks").build()));

        List<WebhookDelivery> deliveries = fake.triggerEvent("payment.confirmed", Map.of("payment_id", "pay_1"));

        assertThat(trigger.secret()).startsWith("whsec_");
        assertThat(twice.getStatus()).isEqualTo(409);
        assertThat(client.triggers().list().data()).singleElement()
                .satisfies(t -> assertThat(t.secret()).isNull());
        assertThat(fake.triggerEvent("refund.created", Map.of())).isEmpty();
        WebhookDelivery d = deliveries.get(0);
        WebhookEvent event = Webhooks.constructEvent(d.bodyBytes(), d.signature(), trigger.secret());
        assertThat(event.id()).isEqualTo(d.deliveryId()).matches("dlv_[a-z0-9]{8}");
        assertThat(event.type()).isEqualTo("payment.confirmed");
        assertThat(event.triggerId()).isEqualTo(trigger.id());
        assertThat(event.data().get("payment_id").asText()).isEqualTo("pay_1");

        Trigger rotated = client.triggers().rotateSecret(trigger.id());
        WebhookDelivery after = fake.triggerEvent("payment.confirmed", Map.of()).get(0);
        assertThat(rotated.secret()).isNotEqualTo(trigger.secret());
        assertThatThrownBy(() -> Webhooks.constructEvent(after.bodyBytes(), after.signature(), trigger.secret()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(Webhooks.constructEvent(after.bodyBytes(), after.signature(), rotated.secret()).id())
                .isEqualTo(after.deliveryId());
    }

    @Test
    void aDeliveryCanBePostedToAReceiverOnLoopback() throws Exception {
        Trigger trigger = client.triggers().create(TriggerCreateParams.builder().name("All").allEvents()
                .webhookUrl("https://erp.example.com/hooks").build());
        BlockingQueue<WebhookEvent> received = new ArrayBlockingQueue<>(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                received.add(Webhooks.constructEvent(body, Webhooks.signatureHeader(exchange.getRequestHeaders()),
                        trigger.secret()));
                exchange.sendResponseHeaders(204, -1);
            } catch (WebhookVerificationException e) {
                exchange.sendResponseHeaders(400, -1);
            } finally {
                exchange.close();
            }
        });
        receiver.start();
        try {
            WebhookDelivery d = fake.triggerEvent("payment.confirmed", Map.of("amount", 1000)).get(0);
            int status = d.postTo("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");

            assertThat(status).isEqualTo(204);
            WebhookEvent event = received.poll(5, TimeUnit.SECONDS);
            assertThat(event).isNotNull();
            assertThat(event.data().get("amount").asInt()).isEqualTo(1000);
            assertThat(new String(d.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo(d.body());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void storedConnectionsConnectSessionsAndRevokingDisconnects() {
        Session before = client.create("user_1", SessionConfig.builder().servers("melhor-envio").build());
        OrgConnection stored = client.orgConnections().create(OrgConnectionCreateParams.builder()
                .serverId("melhor-envio").secret("token-1").userId("user_1").build());
        OrgConnection again = client.orgConnections().create(OrgConnectionCreateParams.builder()
                .serverId("melhor-envio").secret("token-2").userId("user_1").build());
        Session after = client.create("user_1", SessionConfig.builder().servers("melhor-envio").build());

        assertThat(stored.rotated()).isFalse();
        assertThat(again.rotated()).isTrue();
        assertThat(again.id()).isEqualTo(stored.id());
        assertThat(stored.raw().toString()).doesNotContain("token-1");
        assertThat(fake.session(before.getId()).orElseThrow().connections()).containsEntry("melhor-envio", true);
        assertThat(fake.session(after.getId()).orElseThrow().connections()).containsEntry("melhor-envio", true);
        assertThat(client.orgConnections().list().data()).extracting(OrgConnection::status)
                .containsExactly("connected");

        client.orgConnections().revoke(stored.id());

        assertThat(client.orgConnections().list().data()).extracting(OrgConnection::status).containsExactly("revoked");
        assertThat(fake.session(after.getId()).orElseThrow().connections()).containsEntry("melhor-envio", false);
    }

    @Test
    void theCatalogueIsFilteredAndPaged() {
        Page<CatalogServer> first = client.servers().list(ServerListParams.builder().limit(5).build());
        List<CatalogServer> all = first.stream().collect(Collectors.toList());
        List<CatalogServer> brPayments = client.servers().list(ServerListParams.builder().country("BR")
                .category("payments").build()).data();

        assertThat(first.data()).hasSize(5);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(all).extracting(CatalogServer::id).doesNotHaveDuplicates().contains("asaas", "omie", "pomelo");
        assertThat(all).hasSize((int) first.total().orElseThrow());
        assertThat(brPayments).extracting(CatalogServer::id).containsExactly("zoop", "asaas", "pagarme",
                "mercado-pago");
        assertThat(client.servers().get("asaas").authType()).isEqualTo("api_key");
        assertThat(catchApi(() -> client.servers().get("nope"))).isInstanceOf(NotFoundError.class);
        assertThat(client.tools().list(ToolListParams.builder().server("asaas").build()).data())
                .extracting(t -> t.name()).containsExactly("asaas/create_payment", "asaas/get_payment",
                        "asaas/refund_payment", "asaas/create_customer");
        assertThat(client.tools().get("asaas/create_payment").server()).isEqualTo("asaas");
        assertThat(fake.journal().last().path()).isEqualTo("/v1/tools/asaas%2Fcreate_payment");
    }

    @Test
    void sessionsAreListedNewestFirstWithACursorAndTheirLogs() {
        Session a = client.create("user_1", SessionConfig.builder().servers("asaas").build());
        Session b = client.create("user_2", SessionConfig.builder().servers("asaas").build());
        Session c = client.create("user_3", SessionConfig.builder().servers("asaas").build());
        b.execute("codespar_pay", Inputs.PAY);
        a.close();

        Page<SessionSummary> page = client.sessions().list(SessionListParams.builder().limit(2).build());
        List<String> everything = page.stream().map(SessionSummary::id).collect(Collectors.toList());
        SessionSummary detail = page.data().get(1);
        Session resumed = client.sessions().retrieve(b.getId());
        List<ToolCallLogEntry> logs = client.sessions().logs(b.getId()).data();

        assertThat(page.data()).extracting(SessionSummary::id).containsExactly(c.getId(), b.getId());
        assertThat(page.nextCursor()).contains(b.getId());
        assertThat(everything).containsExactly(c.getId(), b.getId(), a.getId());
        assertThat(client.sessions().list(SessionListParams.builder().status(dev.codespar.SessionStatus.CLOSED)
                .build()).data()).extracting(SessionSummary::id).containsExactly(a.getId());
        assertThat(detail.toolCallCount()).isEqualTo(1L);
        assertThat(resumed.getId()).isEqualTo(b.getId());
        assertThat(resumed.getServers()).isEqualTo(b.getServers());
        assertThat(resumed.execute("codespar_pay", Inputs.PAY).success()).as("a retrieved session works").isTrue();
        assertThat(logs).singleElement().satisfies(l -> {
            assertThat(l.tool()).isEqualTo("codespar_pay");
            assertThat(l.status()).isEqualTo("success");
            assertThat(l.sessionId()).isEqualTo(b.getId());
        });
    }
}
