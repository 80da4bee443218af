package dev.codespar.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codespar.ManagementFixture;
import dev.codespar.SessionListParams;
import dev.codespar.SessionStatus;
import dev.codespar.SessionSummary;
import dev.codespar.errors.ServiceUnavailableError;
import dev.codespar.management.Project;
import dev.codespar.management.ProjectListParams;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PageTest {

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    private static String projects(int total, int offset, String... ids) {
        String items = java.util.Arrays.stream(ids)
                .map(id -> "{\"id\":\"" + id + "\",\"slug\":\"" + id + "\"}")
                .collect(Collectors.joining(","));
        return "{\"data\":[" + items + "],\"total\":" + total + ",\"limit\":2,\"offset\":" + offset + "}";
    }

    private void enqueueThreeOffsetPages() {
        api.enqueue(projects(5, 0, "p1", "p2"));
        api.enqueue(projects(5, 2, "p3", "p4"));
        api.enqueue(projects(5, 4, "p5"));
    }

    @Test
    void autoPagingWalksThreeOffsetPagesAndStopsAtTheEnd() {
        enqueueThreeOffsetPages();

        List<String> ids = new ArrayList<>();
        for (Project p : api.client.projects().list(ProjectListParams.builder().limit(2).build()).autoPager()) {
            ids.add(p.id());
        }

        assertThat(ids).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(api.requestCount()).isEqualTo(3);
        api.take("GET", "/v1/projects?limit=2");
        api.take("GET", "/v1/projects?limit=2&offset=2");
        api.take("GET", "/v1/projects?limit=2&offset=4");
    }

    @Test
    void autoPagingIsLazy() {
        enqueueThreeOffsetPages();

        Page<Project> first = api.client.projects().list(ProjectListParams.builder().limit(2).build());
        assertThat(api.requestCount()).isEqualTo(1);

        Iterator<Project> it = first.autoPager().iterator();
        assertThat(it.next().id()).isEqualTo("p1");
        assertThat(it.next().id()).isEqualTo("p2");
        assertThat(api.requestCount()).as("the second page is not fetched before it is needed").isEqualTo(1);
        assertThat(it.next().id()).isEqualTo("p3");
        assertThat(api.requestCount()).isEqualTo(2);

        assertThat(first.stream().limit(1).map(Project::id).collect(Collectors.toList())).containsExactly("p1");
        assertThat(api.requestCount()).as("a short stream fetches nothing more").isEqualTo(2);
    }

    @Test
    void pageByPage() {
        enqueueThreeOffsetPages();

        Page<Project> page = api.client.projects().list(ProjectListParams.builder().limit(2).build());
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            sizes.add(page.data().size());
            if (!page.hasNextPage()) {
                break;
            }
            page = page.nextPage();
        }

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(page.total()).hasValue(5);
        assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("last page");
        assertThat(page.nextPageAsync()).isCompletedExceptionally();
        assertThat(api.requestCount()).isEqualTo(3);
    }

    @Test
    void pagesIteratesLazilyOverPages() {
        enqueueThreeOffsetPages();

        Page<Project> first = api.client.projects().list(ProjectListParams.builder().limit(2).build());
        Iterator<Page<Project>> pages = first.pages().iterator();
        assertThat(pages.next()).isSameAs(first);
        assertThat(api.requestCount()).isEqualTo(1);
        List<Integer> rest = new ArrayList<>();
        pages.forEachRemaining(p -> rest.add(p.data().size()));

        assertThat(rest).containsExactly(2, 1);
        assertThat(api.requestCount()).isEqualTo(3);
        assertThat(pages.hasNext()).isFalse();
    }

    @Test
    void nextPageAsyncFetchesTheNextPage() throws Exception {
        enqueueThreeOffsetPages();

        Page<Project> first = api.client.projects().listAsync(ProjectListParams.builder().limit(2).build())
                .get(5, TimeUnit.SECONDS);
        Page<Project> second = first.nextPageAsync().get(5, TimeUnit.SECONDS);

        assertThat(second.data()).extracting(Project::id).containsExactly("p3", "p4");
        api.take("GET", "/v1/projects?limit=2");
        api.take("GET", "/v1/projects?limit=2&offset=2");
    }

    @Test
    void nextPageKeepsTheFiltersAndStartsFromTheOffsetSent() {
        api.enqueue(projects(5, 3, "p4", "p5"));

        Page<Project> page = api.client.projects().list(
                ProjectListParams.builder().isDefault(false).limit(2).offset(3).build());

        assertThat(page.hasNextPage()).isFalse();
        api.take("GET", "/v1/projects?is_default=false&limit=2&offset=3");
    }

    @Test
    void aServerThatIgnoresTheOffsetCannotMakeAutoPagingLoopForever() {
        // the server answers offset 0 whatever is asked: paging still advances by what was received, up to total
        api.enqueue(projects(4, 0, "p1", "p2"));
        api.enqueue(projects(4, 0, "p1", "p2"));

        long count = api.client.projects().list(ProjectListParams.builder().limit(2).build()).stream().count();

        assertThat(count).isEqualTo(4);
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void anEmptyPageEndsPagingEvenWhenTotalSaysMore() {
        api.enqueue("{\"data\":[],\"total\":10,\"offset\":0}");

        Page<Project> page = api.client.projects().list();

        assertThat(page.data()).isEmpty();
        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.autoPager()).isEmpty();
    }

    @Test
    void aListWithoutPagingInformationIsASinglePage() {
        api.enqueue("{\"data\":[{\"id\":\"p1\"},{\"id\":\"p2\"}]}");

        Page<Project> page = api.client.projects().list(ProjectListParams.builder().limit(2).build());

        assertThat(page.hasNextPage()).isFalse();
        assertThat(page.stream().count()).isEqualTo(2);
        assertThat(api.requestCount()).isEqualTo(1);
    }

    @Test
    void aFailureWhileAutoPagingIsThrownAsTheTypedError() {
        api.enqueue(projects(5, 0, "p1", "p2"));
        api.enqueue(503, "{\"error\":\"service_unavailable\",\"message\":\"deploying\"}");

        Iterator<Project> it = api.client.projects().list(ProjectListParams.builder().limit(2).build())
                .autoPager().iterator();
        it.next();
        it.next();

        assertThatThrownBy(it::hasNext).isInstanceOf(ServiceUnavailableError.class);
    }

    @Test
    void cursorPagingFollowsNextBeforeAcrossThreePages() {
        api.enqueue("{\"sessions\":[{\"id\":\"s1\"},{\"id\":\"s2\"}],\"next_before\":\"cur_2\"}");
        api.enqueue("{\"sessions\":[{\"id\":\"s3\"},{\"id\":\"s4\"}],\"next_before\":\"cur_4\"}");
        api.enqueue("{\"sessions\":[{\"id\":\"s5\"}],\"next_before\":null}");

        Page<SessionSummary> first = api.client.sessions().list(SessionListParams.builder()
                .status(SessionStatus.ACTIVE).limit(2).build());
        assertThat(first.nextCursor()).hasValue("cur_2");
        List<String> ids = first.stream().map(SessionSummary::id).collect(Collectors.toList());

        assertThat(ids).containsExactly("s1", "s2", "s3", "s4", "s5");
        assertThat(api.requestCount()).isEqualTo(3);
        api.take("GET", "/v1/sessions?status=active&limit=2");
        api.take("GET", "/v1/sessions?status=active&limit=2&before=cur_2");
        api.take("GET", "/v1/sessions?status=active&limit=2&before=cur_4");
    }

    @Test
    void aRepeatedCursorEndsPaging() {
        api.enqueue("{\"sessions\":[{\"id\":\"s1\"}],\"next_before\":\"cur_1\"}");
        api.enqueue("{\"sessions\":[{\"id\":\"s1\"}],\"next_before\":\"cur_1\"}");

        long count = api.client.sessions().list().stream().count();

        assertThat(count).isEqualTo(2);
        assertThat(api.requestCount()).isEqualTo(2);
    }

    @Test
    void rawAndRequestIdOfThePage() {
        api.server.enqueue(new okhttp3.mockwebserver.MockResponse()
                .setHeader("X-Request-Id", "req_page").setBody("{\"data\":[],\"extra\":7}"));

        Page<Project> page = api.client.projects().list();

        assertThat(page.requestId()).isEqualTo("req_page");
        assertThat(page.raw().path("extra").asInt()).isEqualTo(7);
        assertThat(page.toString()).contains("GET /v1/projects").contains("items=0");
    }

    @Test
    void nextPageFailuresCompleteTheAsyncFuture() {
        api.enqueue(projects(5, 0, "p1", "p2"));
        api.enqueue(404, "{\"error\":\"not_found\"}");

        Page<Project> first = api.client.projects().list(ProjectListParams.builder().limit(2).build());

        assertThat(first.nextPageAsync()).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(dev.codespar.errors.NotFoundError.class);
    }
}
