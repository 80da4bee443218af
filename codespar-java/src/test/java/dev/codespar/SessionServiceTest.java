package dev.codespar;

import dev.codespar.errors.ApiError;
import java.util.List;
import dev.codespar.paging.Page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NotFoundError;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void listReadsTheCliShape() {
        api.enqueue("{\"data\":[{\"id\":\"ses_1\",\"user_id\":\"user_1\",\"status\":\"active\",\"servers\":[\"asaas\"],"
                + "\"created_at\":\"2026-05-02T10:00:00Z\",\"closed_at\":null,\"tool_call_count\":3},"
                + "{\"id\":\"ses_2\",\"status\":\"closed\",\"servers\":[{\"id\":\"zoop\",\"name\":\"Zoop\"}],"
                + "\"closed_at\":\"2026-05-02T11:00:00Z\"}]}");

        Page<SessionSummary> page = api.client.sessions().list(SessionListParams.builder()
                .status(SessionStatus.CLOSED).limit(10).build());

        api.take("GET", "/v1/sessions?status=closed&limit=10");
        SessionSummary first = page.data().get(0);
        assertThat(first.id()).isEqualTo("ses_1");
        assertThat(first.userId()).isEqualTo("user_1");
        assertThat(first.status()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(first.servers()).containsExactly("asaas");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(first.closedAt()).isNull();
        assertThat(first.toolCallCount()).isEqualTo(3L);
        SessionSummary second = page.data().get(1);
        assertThat(second.status()).isEqualTo(SessionStatus.CLOSED);
        assertThat(second.servers()).containsExactly("zoop");
        assertThat(second.toolCallCount()).isNull();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void listReadsTheSchemaShapeWithItsCursor() {
        api.enqueue("{\"sessions\":[{\"id\":\"ses_3\",\"status\":\"expired\",\"tool_calls_count\":7,"
                + "\"project_id\":\"prj_0123456789abcdef\",\"org_id\":\"org_1\"}],\"next_before\":\"2026-05-01T00:00:00Z\"}");

        Page<SessionSummary> page = api.client.sessions().list();

        api.take("GET", "/v1/sessions");
        SessionSummary s = page.data().get(0);
        assertThat(s.status()).isEqualTo(SessionStatus.UNKNOWN);
        assertThat(s.toolCallCount()).isEqualTo(7L);
        assertThat(s.projectId()).isEqualTo("prj_0123456789abcdef");
        assertThat(s.orgId()).isEqualTo("org_1");
        assertThat(page.nextCursor()).hasValue("2026-05-01T00:00:00Z");
        assertThat(page.hasNextPage()).isTrue();
    }

    @Test
    void listResumesFromAKeptCursor() {
        api.enqueue("{\"sessions\":[]}");

        api.client.sessions().list(SessionListParams.builder().before("cur_9").build());

        api.take("GET", "/v1/sessions?before=cur_9");
    }

    @Test
    void invalidFiltersAreRefusedBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.sessions().list(SessionListParams.builder()
                .status(SessionStatus.UNKNOWN).build())).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> api.client.sessions().list(SessionListParams.builder().limit(0).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> api.client.sessions().retrieve("")).isInstanceOf(InvalidRequestError.class);
        assertThatThrownBy(() -> api.client.sessions().retrieve("ses_1", "prj_short"))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("projectId");
        assertThatThrownBy(() -> api.client.sessions().logs(null)).isInstanceOf(InvalidRequestError.class);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void listReadsEitherCountSpelling() {
        api.enqueue("{\"sessions\":[{\"id\":\"ses_1\",\"status\":\"active\",\"tool_calls_count\":4,"
                + "\"expires_at\":\"2026-05-02T10:30:00Z\"},{\"id\":\"ses_2\",\"tool_call_count\":\"5\"}]}");

        List<SessionSummary> sessions = api.client.sessions().list().data();

        api.take("GET", "/v1/sessions");
        assertThat(sessions.get(0).toolCallCount()).isEqualTo(4L);
        assertThat(sessions.get(0).expiresAt()).isEqualTo(Instant.parse("2026-05-02T10:30:00Z"));
        assertThat(sessions.get(1).id()).isEqualTo("ses_2");
        assertThat(sessions.get(1).toolCallCount()).isEqualTo(5L);
    }

    @Test
    void summaryReadsWhatOnlyTheServerRecords() throws Exception {
        api.enqueue("{\"session\":{\"id\":\"ses_1\",\"user_id\":\"user_9\",\"status\":\"closed\","
                + "\"org_id\":\"org_1\",\"tool_calls_count\":7,\"closed_at\":\"2026-05-02T10:20:00Z\","
                + "\"expires_at\":\"2026-05-02T10:30:00Z\"}}");
        api.enqueue("{\"id\":\"ses_2\",\"status\":\"active\"}");

        SessionSummary s = api.client.sessions().summary("ses_1");
        SessionSummary async = api.client.sessions().summaryAsync("ses_2").get(5, TimeUnit.SECONDS);

        assertThat(s.status()).isEqualTo(SessionStatus.CLOSED);
        assertThat(s.orgId()).isEqualTo("org_1");
        assertThat(s.toolCallCount()).isEqualTo(7L);
        assertThat(s.closedAt()).isEqualTo(Instant.parse("2026-05-02T10:20:00Z"));
        assertThat(s.expiresAt()).isEqualTo(Instant.parse("2026-05-02T10:30:00Z"));
        assertThat(async.id()).isEqualTo("ses_2");
        api.take("GET", "/v1/sessions/ses_1");
        api.take("GET", "/v1/sessions/ses_2");
        assertThatThrownBy(() -> api.client.sessions().summary(" ")).isInstanceOf(InvalidRequestError.class);
        assertThat(api.requestCount()).isEqualTo(2);
    }

    /** A web tier creates a session in one request and resumes it by id in the next: a Session like a new one. */
    @Test
    void retrieveResumesASessionThatExecutesSendsAndCloses() throws Exception {
        api.enqueue("{\"session\":{\"id\":\"ses_1\",\"user_id\":\"user_9\",\"servers\":[\"asaas\"],"
                + "\"status\":\"active\",\"created_at\":\"2026-05-02T10:00:00Z\",\"tool_calls_count\":2}}");
        api.enqueue("{\"success\":true,\"data\":{\"id\":\"pay_1\"},\"tool_call_id\":\"tc_1\"}");
        api.enqueue("{\"message\":\"ok\",\"iterations\":1,\"tool_calls\":[]}");
        api.enqueue(204, "");

        Session session = api.client.sessions().retrieve("ses_1");
        assertThat(session.getId()).isEqualTo("ses_1");
        assertThat(session.getUserId()).isEqualTo("user_9");
        assertThat(session.getServers()).containsExactly("asaas");
        assertThat(session.getStatus()).isEqualTo(SessionStatus.ACTIVE);
        assertThat(session.getCreatedAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(session.execute("codespar_pay", java.util.Map.of("amount", 1000)).toolCallId()).isEqualTo("tc_1");
        assertThat(session.send("hi").message()).isEqualTo("ok");
        session.close();

        api.take("GET", "/v1/sessions/ses_1");
        api.take("POST", "/v1/sessions/ses_1/execute");
        api.take("POST", "/v1/sessions/ses_1/send");
        api.take("DELETE", "/v1/sessions/ses_1");
        assertThat(api.requestCount()).isEqualTo(4);
    }

    @Test
    void retrieveWithAProjectSendsItOnEveryLaterRequest() throws Exception {
        api.enqueue("{\"id\":\"ses_2\"}");
        api.enqueue("{\"id\":\"ses_2\"}");

        Session session = api.client.sessions().retrieveAsync("ses_2").get(5, TimeUnit.SECONDS);
        assertThat(session.getProjectId()).as("the client's").isEqualTo(ManagementFixture.PROJECT);
        Session other = api.client.sessions().retrieve("ses_2", "prj_fedcba9876543210");
        assertThat(other.getProjectId()).isEqualTo("prj_fedcba9876543210");
        assertThat(other.getServers()).as("the answer named none").isEmpty();
        api.enqueue("{\"servers\":[]}");
        other.connections();
        api.take("GET", "/v1/sessions/ses_2"); // checks the client's project
        for (String path : List.of("/v1/sessions/ses_2", "/v1/sessions/ses_2/connections")) {
            okhttp3.mockwebserver.RecordedRequest request = api.take();
            assertThat(request.getPath()).isEqualTo(path);
            assertThat(request.getHeader("x-codespar-project")).isEqualTo("prj_fedcba9876543210");
        }
    }

    @Test
    void retrieveOfAGoneSessionIsNotFound() {
        api.enqueue(404, "{\"error\":\"Session not found or closed\"}");

        assertThatThrownBy(() -> api.client.sessions().retrieve("ses_x")).isInstanceOf(NotFoundError.class)
                .hasMessageContaining("Session not found or closed");
    }

    @Test
    void retrieveRequiresAnIdInTheAnswer() {
        api.enqueue("{\"session\":{\"status\":\"active\"}}");

        assertThatThrownBy(() -> api.client.sessions().retrieve("ses_x")).isInstanceOf(ApiError.class)
                .hasMessageContaining("without the required field \"id\"");
    }

    @Test
    void logsReadTheCliShape() {
        api.enqueue("{\"data\":[{\"id\":\"tc_1\",\"tool\":\"codespar_pay\",\"server\":\"asaas\",\"status\":\"success\","
                + "\"duration_ms\":412,\"called_at\":\"2026-05-02T10:00:01Z\"},"
                + "{\"id\":\"tc_2\",\"tool\":\"codespar_notify\",\"server\":\"z-api\",\"status\":\"running\"}]}");

        Page<ToolCallLogEntry> log = api.client.sessions().logs("ses_1");

        api.take("GET", "/v1/sessions/ses_1/logs");
        ToolCallLogEntry first = log.data().get(0);
        assertThat(first.id()).isEqualTo("tc_1");
        assertThat(first.tool()).isEqualTo("codespar_pay");
        assertThat(first.server()).isEqualTo("asaas");
        assertThat(first.isSuccess()).isTrue();
        assertThat(first.durationMs()).isEqualTo(412L);
        assertThat(first.calledAt()).isEqualTo(Instant.parse("2026-05-02T10:00:01Z"));
        assertThat(first.input().isNull()).isTrue();
        assertThat(log.data().get(1).durationMs()).isNull();
        assertThat(log.data().get(1).isSuccess()).isFalse();
    }

    @Test
    void logsReadTheSchemaShape() {
        api.enqueue("{\"tool_calls\":[{\"id\":\"tc_9\",\"session_id\":\"ses_1\",\"server_id\":\"asaas\","
                + "\"tool_name\":\"codespar_pay\",\"status\":\"error\",\"duration_ms\":35,"
                + "\"error_code\":\"policy_denied\",\"input\":{\"amount\":1000},\"output\":{\"code\":\"policy_denied\"},"
                + "\"called_at\":\"2026-05-02T10:00:01Z\"}]}");

        ToolCallLogEntry e = api.client.sessions().logs("ses_1").data().get(0);

        assertThat(e.sessionId()).isEqualTo("ses_1");
        assertThat(e.server()).isEqualTo("asaas");
        assertThat(e.tool()).isEqualTo("codespar_pay");
        assertThat(e.status()).isEqualTo("error");
        assertThat(e.errorCode()).isEqualTo("policy_denied");
        assertThat(e.input().path("amount").asInt()).isEqualTo(1000);
        assertThat(e.output().path("code").asText()).isEqualTo("policy_denied");
        assertThat(e.raw().path("tool_name").asText()).isEqualTo("codespar_pay");
    }

    @Test
    void asyncTwins() throws Exception {
        api.enqueue("{\"sessions\":[{\"id\":\"ses_1\"}]}");
        api.enqueue("{\"id\":\"ses_1\"}");
        api.enqueue("{\"tool_calls\":[]}");
        api.enqueue("{\"sessions\":[]}");

        assertThat(api.client.sessions().listAsync().get(5, TimeUnit.SECONDS).data()).hasSize(1);
        assertThat(api.client.sessions().retrieveAsync("ses_1").get(5, TimeUnit.SECONDS).getId()).isEqualTo("ses_1");
        assertThat(api.client.sessions().logsAsync("ses_1").get(5, TimeUnit.SECONDS).data()).isEmpty();
        assertThat(api.client.sessions().listAsync(SessionListParams.builder().status(SessionStatus.ERROR).build())
                .get(5, TimeUnit.SECONDS).data()).isEmpty();
        assertThat(api.client.sessions().logsAsync(" ")).isCompletedExceptionally();

        api.take("GET", "/v1/sessions");
        api.take("GET", "/v1/sessions/ses_1");
        api.take("GET", "/v1/sessions/ses_1/logs");
        api.take("GET", "/v1/sessions?status=error");
        assertThat(api.requestCount()).isEqualTo(4);
    }
}
