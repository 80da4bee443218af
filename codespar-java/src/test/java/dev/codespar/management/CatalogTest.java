package dev.codespar.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.codespar.ManagementFixture;
import dev.codespar.errors.ApiError;
import dev.codespar.errors.InvalidRequestError;
import dev.codespar.errors.NotFoundError;
import dev.codespar.paging.Page;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final String ASAAS = "{\"id\":\"asaas\",\"name\":\"Asaas\",\"description\":\"Pix, boleto and cards\","
            + "\"category\":\"payments\",\"country\":\"BR\",\"auth_type\":\"api_key\",\"status\":\"ga\","
            + "\"tools_count\":14}";

    private final ManagementFixture api = new ManagementFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void serverListSendsEveryFilterInOrder() {
        api.enqueue("{\"data\":[" + ASAAS + "],\"total\":1,\"limit\":20,\"offset\":40}");

        Page<CatalogServer> page = api.client.servers().list(ServerListParams.builder()
                .category("payments").country("BR").query("pix boleto").status("ga").authType("api_key")
                .limit(20).offset(40).build());

        api.take("GET", "/v1/servers?category=payments&country=BR&q=pix%20boleto&status=ga&auth_type=api_key"
                + "&limit=20&offset=40");
        CatalogServer s = page.data().get(0);
        assertThat(s.id()).isEqualTo("asaas");
        assertThat(s.name()).isEqualTo("Asaas");
        assertThat(s.description()).isEqualTo("Pix, boleto and cards");
        assertThat(s.category()).isEqualTo("payments");
        assertThat(s.country()).isEqualTo("BR");
        assertThat(s.authType()).isEqualTo("api_key");
        assertThat(s.status()).isEqualTo("ga");
        assertThat(s.raw().path("tools_count").asInt()).isEqualTo(14);
    }

    @Test
    void serverListWithoutFiltersSendsNoQuery() {
        api.enqueue("{\"data\":[],\"total\":0}");

        api.client.servers().list();

        api.take("GET", "/v1/servers");
    }

    @Test
    void serverListReadsTheSchemaShapeAndPagesOnFiltered() {
        // schema shape: total is the whole catalogue, filtered the number of matches
        api.enqueue("{\"total\":120,\"filtered\":3,\"servers\":[" + ASAAS + ",{\"id\":\"zoop\",\"auth_type\":\"jwt_ecdsa\"}]}");
        api.enqueue("{\"total\":120,\"filtered\":3,\"servers\":[{\"id\":\"stone\"}]}");

        Page<CatalogServer> first = api.client.servers().list(ServerListParams.builder().country("BR").limit(2).build());
        List<String> ids = first.stream().map(CatalogServer::id).collect(Collectors.toList());

        assertThat(first.total()).hasValue(3);
        assertThat(ids).containsExactly("asaas", "zoop", "stone");
        assertThat(api.requestCount()).isEqualTo(2);
        api.take("GET", "/v1/servers?country=BR&limit=2");
        api.take("GET", "/v1/servers?country=BR&limit=2&offset=2");
    }

    @Test
    void serverListLimitIsCheckedBeforeTheNetwork() {
        assertThatThrownBy(() -> api.client.servers().list(ServerListParams.builder().limit(101).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> api.client.servers().list(ServerListParams.builder().offset(-5).build()))
                .isInstanceOf(InvalidRequestError.class).hasMessageContaining("offset");
        assertThat(api.client.servers().listAsync(ServerListParams.builder().limit(0).build()))
                .isCompletedExceptionally();
        assertThat(api.requestCount()).isZero();
    }

    @Test
    void serverGet() {
        api.enqueue(ASAAS);
        api.enqueue("{\"server\":" + ASAAS + "}");

        assertThat(api.client.servers().get("asaas").name()).isEqualTo("Asaas");
        assertThat(api.client.servers().get("asaas").category()).isEqualTo("payments");

        api.take("GET", "/v1/servers/asaas");
        api.take("GET", "/v1/servers/asaas");
    }

    @Test
    void serverGetOfAnUnknownServerIsNotFound() {
        api.enqueue(404, "{\"error\":\"not_found\",\"message\":\"Server not in catalog\"}");

        assertThatThrownBy(() -> api.client.servers().get("nope")).isInstanceOf(NotFoundError.class);
    }

    @Test
    void toolListReadsDataAndFiltersByServer() {
        api.enqueue("{\"data\":[{\"name\":\"create_payment\",\"server\":\"asaas\",\"description\":\"Create a charge\","
                + "\"input_schema\":{\"type\":\"object\"}},{\"name\":\"get_payment\",\"server\":\"asaas\"}]}");

        Page<CatalogTool> page = api.client.tools().list(ToolListParams.builder().server("asaas").build());

        api.take("GET", "/v1/tools?server=asaas");
        assertThat(page.data()).extracting(CatalogTool::name).containsExactly("create_payment", "get_payment");
        CatalogTool t = page.data().get(0);
        assertThat(t.server()).isEqualTo("asaas");
        assertThat(t.description()).isEqualTo("Create a charge");
        assertThat(t.inputSchema().path("type").asText()).isEqualTo("object");
        assertThat(page.data().get(1).inputSchema().isNull()).isTrue();
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void toolListWithoutFilter() {
        api.enqueue("{\"tools\":[{\"name\":\"codespar_pay\",\"server_id\":\"codespar\"}]}");

        Page<CatalogTool> page = api.client.tools().list();

        api.take("GET", "/v1/tools");
        assertThat(page.data()).extracting(CatalogTool::server).containsExactly("codespar");
    }

    @Test
    void toolGetEncodesTheNameAsOneSegment() {
        api.enqueue("{\"name\":\"asaas/create_payment\",\"server\":\"asaas\"}");
        api.enqueue("{\"tool\":{\"name\":\"codespar_pay\"}}");

        assertThat(api.client.tools().get("asaas/create_payment").server()).isEqualTo("asaas");
        assertThat(api.client.tools().get("codespar_pay").name()).isEqualTo("codespar_pay");

        api.take("GET", "/v1/tools/asaas%2Fcreate_payment");
        api.take("GET", "/v1/tools/codespar_pay");
    }

    @Test
    void toolGetWithoutNameIsAnInvalidResponse() {
        api.enqueue("{\"description\":\"?\"}");

        ApiError e = catchThrowableOfType(() -> api.client.tools().get("x"), ApiError.class);

        assertThat(e.getCode()).isEqualTo("invalid_response");
    }

    @Test
    void asyncTwins() throws Exception {
        api.enqueue("{\"servers\":[" + ASAAS + "]}");
        api.enqueue(ASAAS);
        api.enqueue("{\"data\":[{\"name\":\"t\"}]}");
        api.enqueue("{\"name\":\"t\"}");

        assertThat(api.client.servers().listAsync().get(5, TimeUnit.SECONDS).data()).hasSize(1);
        assertThat(api.client.servers().getAsync("asaas").get(5, TimeUnit.SECONDS).id()).isEqualTo("asaas");
        assertThat(api.client.tools().listAsync().get(5, TimeUnit.SECONDS).data()).hasSize(1);
        assertThat(api.client.tools().getAsync("t").get(5, TimeUnit.SECONDS).name()).isEqualTo("t");
        assertThat(api.client.tools().getAsync(" ")).isCompletedExceptionally();

        api.take("GET", "/v1/servers");
        api.take("GET", "/v1/servers/asaas");
        api.take("GET", "/v1/tools");
        api.take("GET", "/v1/tools/t");
        assertThat(api.requestCount()).isEqualTo(4);
    }
}
