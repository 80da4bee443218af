package dev.codespar.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.CodeSparClient;
import dev.codespar.ManagementFixture;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.ConflictError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.errors.SlugConflictError;
import dev.codespar.errors.SlugInvalidError;
import dev.codespar.errors.SlugReservedError;
import dev.codespar.paging.Page;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProjectServiceTest {

    private static final String PROJECT_JSON = "{\"id\":\"prj_aaaaaaaaaaaaaaaa\",\"org_id\":\"org_1\",\"name\":\"Checkout\","
            + "\"slug\":\"checkout\",\"is_default\":false,\"environment\":\"test\","
            + "\"created_at\":\"2026-05-02T10:00:00Z\",\"region\":\"sa-east-1\"}";

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void createSendsNameSlugEnvironmentAndParsesTheProject() {
        api.enqueue(201, PROJECT_JSON);

        Project p = api.client.projects().create(ProjectCreateParams.builder()
                .name("Checkout").slug("checkout").environment(Environment.TEST).build());

        RecordedRequest r = api.take("POST", "/v1/projects");
        assertThat(r.getBody().readUtf8()).isEqualTo("{\"name\":\"Checkout\",\"slug\":\"checkout\",\"environment\":\"test\"}");
        assertThat(p.id()).isEqualTo("prj_aaaaaaaaaaaaaaaa");
        assertThat(p.orgId()).isEqualTo("org_1");
        assertThat(p.name()).isEqualTo("Checkout");
        assertThat(p.slug()).isEqualTo("checkout");
        assertThat(p.isDefault()).isFalse();
        assertThat(p.environment()).isEqualTo(Environment.TEST);
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2026-05-02T10:00:00Z"));
        assertThat(p.raw().path("region").asText()).isEqualTo("sa-east-1");
    }

    @Test
    void createOmitsAnEnvironmentThatWasNotSet() {
        api.enqueue(201, PROJECT_JSON);

        api.client.projects().create(ProjectCreateParams.builder().name("Checkout").slug("checkout").build());

        assertThat(api.take("POST", "/v1/projects").getBody().readUtf8())
                .isEqualTo("{\"name\":\"Checkout\",\"slug\":\"checkout\"}");
    }

    @Test
    void createReadsAWrappedProjectAndToleratesUnknownValues() {
        api.enqueue(201, "{\"project\":{\"id\":\"prj_b\",\"environment\":\"staging\",\"is_default\":\"true\"}}");

        Project p = api.client.projects().create(ProjectCreateParams.builder().name("B").slug("b").build());

        assertThat(p.id()).isEqualTo("prj_b");
        assertThat(p.environment()).isEqualTo(Environment.UNKNOWN);
        assertThat(p.isDefault()).isTrue();
        assertThat(p.name()).isNull();
        assertThat(p.createdAt()).isNull();
    }

    @Test
    void anAnswerWithoutIdIsAnInvalidResponse() {
        api.enqueue(201, "{\"name\":\"Checkout\"}");

        ApiError e = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("Checkout").slug("checkout").build()), ApiError.class);

        assertThat(e.getCode()).isEqualTo("invalid_response");
        assertThat(e.getMessage()).contains("\"id\"");
    }

    @Test
    void slugOfExactly64CharactersIsSent() {
        api.enqueue(201, PROJECT_JSON);
        String slug = "a".repeat(60) + "_-09";
        assertThat(slug).hasSize(64);

        api.client.projects().create(ProjectCreateParams.builder().name("Long").slug(slug).build());

        assertThat(api.take("POST", "/v1/projects").getBody().readUtf8()).contains("\"slug\":\"" + slug + "\"");
    }

    @Test
    void slugOf65CharactersIsInvalidBeforeTheNetwork() {
        SlugInvalidError e = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("Long").slug("a".repeat(65)).build()), SlugInvalidError.class);

        assertLocal(e, "slug_invalid");
        assertThat(e.getMessage()).contains("65 characters").contains("1 to 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Checkout", "check out", "check.out", "caf\u00e9", "check/out", " checkout"})
    void slugOutsideTheAlphabetIsInvalidBeforeTheNetwork(String slug) {
        SlugInvalidError e = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("X").slug(slug).build()), SlugInvalidError.class);

        assertLocal(e, "slug_invalid");
        assertThat(e.getMessage()).contains("lowercase letters, digits, '_' and '-'");
    }

    @Test
    void missingSlugIsInvalid() {
        SlugInvalidError e = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("X").build()), SlugInvalidError.class);

        assertLocal(e, "slug_invalid");
        assertThat(e.getMessage()).contains("slug is empty");
    }

    @Test
    void defaultSlugIsReservedBeforeTheNetwork() {
        SlugReservedError e = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("X").slug("default").build()), SlugReservedError.class);

        assertLocal(e, "slug_reserved");
        assertThat(e.getMessage()).contains("reserved").contains("default project");
    }

    @Test
    void slugRulesApplyToUpdatesToo() {
        assertThatThrownBy(() -> api.client.projects().update("prj_1",
                ProjectUpdateParams.builder().slug("default").build())).isInstanceOf(SlugReservedError.class);
        assertThatThrownBy(() -> api.client.projects().update("prj_1",
                ProjectUpdateParams.builder().slug("Not Valid").build())).isInstanceOf(SlugInvalidError.class);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void slugValidationFailsTheAsyncFutureWithoutANetworkCall() {
        assertThat(api.client.projects().createAsync(ProjectCreateParams.builder().name("X").slug("default").build()))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(SlugReservedError.class);
        assertThat(api.requestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {409, 400})
    void serverSlugConflictIsASlugConflictErrorWhateverTheStatus(int status) {
        api.enqueue(status, "{\"error\":\"slug_conflict\",\"message\":\"Slug already used\",\"status\":" + status
                + ",\"request_id\":\"req_sc\"}");

        SlugConflictError e = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("X").slug("taken").build()), SlugConflictError.class);

        assertThat(e.getStatus()).isEqualTo(status);
        assertThat(e.getRequestId()).isEqualTo("req_sc");
        assertThat(e.getAttempts()).isEqualTo(1);
    }

    @Test
    void blankOrLongNameIsAnInvalidRequestNamingTheField() {
        InvalidRequestError blank = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name(" ").slug("ok").build()), InvalidRequestError.class);
        InvalidRequestError tooLong = catchThrowableOfType(() -> api.client.projects().create(
                ProjectCreateParams.builder().name("n".repeat(129)).slug("ok").build()), InvalidRequestError.class);

        assertLocal(blank, "invalid_request");
        assertThat(blank.getMessage()).contains("name");
        assertThat(tooLong.getMessage()).contains("name");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void unknownEnvironmentIsNeverSent() {
        InvalidRequestError e = catchThrowableOfType(() -> api.client.projects().create(ProjectCreateParams.builder()
                .name("X").slug("x").environment(Environment.UNKNOWN).build()), InvalidRequestError.class);

        assertThat(e.getMessage()).contains("environment");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void listSendsFiltersAndReadsTheOffsetShape() {
        api.enqueue("{\"data\":[" + PROJECT_JSON + "],\"total\":1,\"limit\":10,\"offset\":0}");

        Page<Project> page = api.client.projects().list(
                ProjectListParams.builder().isDefault(false).limit(10).offset(0).build());

        api.take("GET", "/v1/projects?is_default=false&limit=10&offset=0");
        assertThat(page.data()).extracting(Project::slug).containsExactly("checkout");
        assertThat(page.total()).hasValue(1);
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void listReadsTheSchemaShape() {
        api.enqueue("{\"projects\":[{\"id\":\"prj_1\",\"is_default\":true,\"environment\":\"live\"},"
                + "{\"id\":\"prj_2\",\"environment\":\"test\"}]}");

        Page<Project> page = api.client.projects().list();

        api.take("GET", "/v1/projects");
        assertThat(page.data()).extracting(Project::id).containsExactly("prj_1", "prj_2");
        assertThat(page.data()).extracting(Project::environment).containsExactly(Environment.LIVE, Environment.TEST);
        assertThat(page.data().get(0).isDefault()).isTrue();
        assertThat(page.total()).isEmpty();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void listLimitIsCheckedBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.projects().list(ProjectListParams.builder().limit(101).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> api.client.projects().list(ProjectListParams.builder().limit(0).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> api.client.projects().list(ProjectListParams.builder().offset(-1).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("offset");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void getReadsOneProject() {
        api.enqueue(PROJECT_JSON);

        Project p = api.client.projects().get("prj_aaaaaaaaaaaaaaaa");

        api.take("GET", "/v1/projects/prj_aaaaaaaaaaaaaaaa");
        assertThat(p.slug()).isEqualTo("checkout");
    }

    @Test
    void getOfAnUnknownProjectIsNotFound() {
        api.enqueue(404, "{\"error\":{\"code\":\"not_found\",\"message\":\"Project not found\"},\"request_id\":\"req_nf\"}");

        NotFoundError e = catchThrowableOfType(() -> api.client.projects().get("prj_x"), NotFoundError.class);

        assertThat(e.getRequestId()).isEqualTo("req_nf");
    }

    @Test
    void blankIdIsRefusedBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.projects().get(" ")).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("id");
        assertThatThrownBy(() -> api.client.projects().delete(null)).isInstanceOf(InvalidRequestError.class);
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void updateSendsOnlyWhatChanges() {
        api.enqueue(PROJECT_JSON);
        api.enqueue(PROJECT_JSON);

        api.client.projects().update("prj_1", ProjectUpdateParams.builder().name("Renamed").build());
        api.client.projects().update("prj_1", ProjectUpdateParams.builder().slug("new-slug").makeDefault().build());

        assertThat(api.take("PATCH", "/v1/projects/prj_1").getBody().readUtf8()).isEqualTo("{\"name\":\"Renamed\"}");
        assertThat(api.take("PATCH", "/v1/projects/prj_1").getBody().readUtf8())
                .isEqualTo("{\"slug\":\"new-slug\",\"is_default\":true}");
    }

    @Test
    void emptyUpdateIsRefused() {
        InvalidRequestError e = catchThrowableOfType(() -> api.client.projects().update("prj_1",
                ProjectUpdateParams.builder().build()), InvalidRequestError.class);

        assertLocal(e, "invalid_request");
        assertThat(e.getMessage()).contains("name, slug or makeDefault()");
    }

    @Test
    void deleteSendsDeleteAndAccepts204() {
        api.enqueue(204, null);

        api.client.projects().delete("prj_1");

        api.take("DELETE", "/v1/projects/prj_1");
    }

    @Test
    void deletingTheDefaultProjectIsAConflict() {
        api.enqueue(409, "{\"error\":\"cannot_delete_default\",\"message\":\"Default project\",\"project_id\":\"prj_1\"}");

        ConflictError e = catchThrowableOfType(() -> api.client.projects().delete("prj_1"), ConflictError.class);

        assertThat(e.getCode()).isEqualTo("cannot_delete_default");
        assertThat(e.getBody().path("project_id").asText()).isEqualTo("prj_1");
    }

    @Test
    void asyncTwinsSendTheSameRequests() throws Exception {
        api.enqueue("{\"projects\":[" + PROJECT_JSON + "]}");
        api.enqueue(PROJECT_JSON);
        api.enqueue(201, PROJECT_JSON);
        api.enqueue(PROJECT_JSON);
        api.enqueue(204, null);

        assertThat(api.client.projects().listAsync().get(5, TimeUnit.SECONDS).data()).hasSize(1);
        assertThat(api.client.projects().getAsync("prj_1").get(5, TimeUnit.SECONDS).id())
                .isEqualTo("prj_aaaaaaaaaaaaaaaa");
        assertThat(api.client.projects().createAsync(ProjectCreateParams.builder().name("N").slug("n").build())
                .get(5, TimeUnit.SECONDS).slug()).isEqualTo("checkout");
        assertThat(api.client.projects().updateAsync("prj_1", ProjectUpdateParams.builder().makeDefault().build())
                .get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(api.client.projects().deleteAsync("prj_1").get(5, TimeUnit.SECONDS)).isNull();

        api.take("GET", "/v1/projects");
        api.take("GET", "/v1/projects/prj_1");
        assertThat(api.take("POST", "/v1/projects").getBody().readUtf8()).isEqualTo("{\"name\":\"N\",\"slug\":\"n\"}");
        assertThat(api.take("PATCH", "/v1/projects/prj_1").getBody().readUtf8()).isEqualTo("{\"is_default\":true}");
        api.take("DELETE", "/v1/projects/prj_1");
    }

    @Test
    void asyncServerErrorsCompleteTheFutureWithTheTypedError() {
        api.enqueue(409, "{\"error\":\"slug_conflict\",\"message\":\"taken\"}");

        assertThat(api.client.projects().createAsync(ProjectCreateParams.builder().name("N").slug("n").build()))
                .failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(SlugConflictError.class);
    }

    @Test
    void blankNewNameIsRefused() {
        assertThatThrownBy(() -> api.client.projects().update("prj_1", ProjectUpdateParams.builder().name(" ").build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("name");
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void listIsRetriedLikeAnyGet() throws Exception {
        try (ManagementFixture retrying = new ManagementFixture(1)) {
            retrying.server.enqueue(new okhttp3.mockwebserver.MockResponse().setResponseCode(503)
                    .setHeader("Retry-After", "0").setBody("{\"error\":\"service_unavailable\"}"));
            retrying.enqueue("{\"projects\":[" + PROJECT_JSON + "]}");

            assertThat(retrying.client.projects().list().data()).hasSize(1);

            assertThat(retrying.requestCount()).isEqualTo(2);
        }
    }

    @Test
    void noProjectHeaderWhenTheClientHasNoProject() throws Exception {
        try (okhttp3.mockwebserver.MockWebServer server = new okhttp3.mockwebserver.MockWebServer();
                CodeSparClient client = ManagementFixture.builder(server).build()) {
            server.enqueue(new okhttp3.mockwebserver.MockResponse().setBody("{\"projects\":[]}"));

            client.projects().list();

            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(r.getPath()).isEqualTo("/v1/projects");
            assertThat(r.getHeader("x-codespar-project")).isNull();
        }
    }

    private void assertLocal(ApiError e, String code) {
        assertThat(e).isNotNull();
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getStatus()).isEqualTo(400);
        assertThat(e.getRequestId()).isNull();
        assertThat(e.getAttempts()).isZero();
        assertThat(api.requestCount()).as("no request was sent").isZero();
    }
}
