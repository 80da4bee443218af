package dev.codespar;

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
        assertThatThrownBy(() -> api.client.sessions().get("")).isInstanceOf(InvalidRequestError.class);
        assertThatThrownBy(() -> api.client.sessions().logs(null)).isInstanceOf(InvalidRequestError.class);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getReadsEitherCountSpelling() {
        api.enqueue("{\"id\":\"ses_1\",\"status\":\"active\",\"tool_calls_count\":4,"
                + "\"expires_at\":\"2026-05-02T10:30:00Z\"}");
        api.enqueue("{\"session\":{\"id\":\"ses_2\",\"tool_call_count\":\"5\"}}");

        SessionSummary one = api.client.sessions().get("ses_1");
        SessionSummary two = api.client.sessions().get("ses_2");

        api.take("GET", "/v1/sessions/ses_1");
        api.take("GET", "/v1/sessions/ses_2");
        assertThat(one.toolCallCount()).isEqualTo(4L);
        assertThat(one.expiresAt()).isEqualTo(Instant.parse("2026-05-02T10:30:00Z"));
        assertThat(two.id()).isEqualTo("ses_2");
        assertThat(two.toolCallCount()).isEqualTo(5L);
    }

    @Test
    void getOfAGoneSessionIsNotFound() {
        api.enqueue(404, "{\"error\":\"Session not found or closed\"}");

        assertThatThrownBy(() -> api.client.sessions().get("ses_x")).isInstanceOf(NotFoundError.class)
                .hasMessageContaining("Session not found or closed");
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
        assertThat(api.client.sessions().getAsync("ses_1").get(5, TimeUnit.SECONDS).id()).isEqualTo("ses_1");
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
