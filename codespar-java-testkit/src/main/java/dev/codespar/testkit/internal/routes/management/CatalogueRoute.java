package dev.codespar.testkit.internal.routes.management;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.routes.Bodies;
import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.Definitions;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The catalogue: {@code GET /v1/servers} ({@code {total, filtered, servers}}, offset-paged, filtered by category,
 * country, query, status and auth type), {@code /v1/servers/{id}}, {@code GET /v1/tools} ({@code {data, total,
 * limit, offset}}) and {@code /v1/tools/{name}}.
 */
public final class CatalogueRoute {

    private final World world;

    /**
     * The route.
     *
     * @param world the state
     */
    public CatalogueRoute(World world) {
        this.world = world;
    }

    /**
     * {@code GET /v1/servers}.
     *
     * @param ex the request
     * @return one page
     */
    public Answer servers(Exchange ex) {
        int limit = Bodies.limit(ex, 50, 100);
        int offset = Bodies.offset(ex);
        String category = ex.queryParam("category");
        String country = ex.queryParam("country");
        String q = ex.queryParam("q");
        String status = ex.queryParam("status");
        String authType = ex.queryParam("auth_type");
        List<Catalog.Server> matching = new ArrayList<>();
        for (Catalog.Server s : world.config.catalog().all()) {
            if ((category == null || category.equalsIgnoreCase(s.category()))
                    && (country == null || country.equalsIgnoreCase(s.country()))
                    && (authType == null || authType.equals(s.authType()))
                    && (status == null || status.equals("active"))
                    && (q == null || (s.id() + " " + s.name()).toLowerCase(Locale.ROOT)
                            .contains(q.toLowerCase(Locale.ROOT)))) {
                matching.add(s);
            }
        }
        ObjectNode body = Json.object();
        body.put("total", world.config.catalog().all().size());
        body.put("filtered", matching.size());
        ArrayNode rows = body.putArray("servers");
        matching.stream().skip(offset).limit(limit).forEach(s -> rows.add(row(s)));
        return Answer.json(200, body);
    }

    /**
     * {@code GET /v1/servers/{id}}.
     *
     * @param ex the request
     * @return the server
     */
    public Answer server(Exchange ex) {
        Catalog.Server s = world.config.catalog().get(ex.param("id"));
        if (s == null) {
            throw Answer.notFound(ex, "Server not in the catalog: " + ex.param("id"));
        }
        return Answer.json(200, row(s));
    }

    private static ObjectNode row(Catalog.Server s) {
        ObjectNode row = Json.object();
        row.put("id", s.id());
        row.put("name", s.name());
        row.put("pkg", "@codespar/mcp-" + s.id());
        row.put("category", s.category());
        row.put("country", s.country());
        row.put("auth_type", s.authType());
        row.put("tools_count", s.tools().size());
        row.put("description", s.description());
        row.put("status", "active");
        return row;
    }

    /**
     * {@code GET /v1/tools?server=&limit=&offset=}.
     *
     * @param ex the request
     * @return one page of {@code {name, server, description}}
     */
    public Answer tools(Exchange ex) {
        int limit = Bodies.limit(ex, 50, 100);
        int offset = Bodies.offset(ex);
        String server = ex.queryParam("server");
        List<ObjectNode> all = new ArrayList<>();
        if (server == null || server.equals("codespar")) {
            for (String meta : Definitions.META_TOOLS) {
                all.add(Json.object().put("name", meta).put("server", "codespar")
                        .put("description", Definitions.of(meta).get("description").asText()));
            }
        }
        for (String raw : world.config.catalog().rawTools()) {
            String owner = raw.substring(0, raw.indexOf('/'));
            if (server == null || server.equals(owner)) {
                all.add(Json.object().put("name", raw).put("server", owner).put("description", describe(raw)));
            }
        }
        if (server != null && !server.equals("codespar") && !world.config.catalog().contains(server)) {
            throw Answer.notFound(ex, "Server not in the catalog: " + server);
        }
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        all.stream().skip(offset).limit(limit).forEach(data::add);
        body.put("total", all.size());
        body.put("limit", limit);
        body.put("offset", offset);
        return Answer.json(200, body);
    }

    /**
     * {@code GET /v1/tools/{name}} (a {@code server/tool} name travels percent-encoded).
     *
     * @param ex the request
     * @return it
     */
    public Answer tool(Exchange ex) {
        String name = ex.param("name");
        ObjectNode def = Definitions.of(name);
        if (def != null) {
            def.put("server", "codespar");
            return Answer.json(200, def);
        }
        if (!world.config.catalog().rawTools().contains(name)) {
            throw Answer.notFound(ex, "Tool not in the catalog: " + name);
        }
        ObjectNode t = Json.object().put("name", name).put("server", name.substring(0, name.indexOf('/')))
                .put("description", describe(name));
        t.putObject("input_schema").put("type", "object").putObject("properties");
        return Answer.json(200, t);
    }

    private String describe(String raw) {
        Catalog.Server s = world.config.catalog().get(raw.substring(0, raw.indexOf('/')));
        return raw.substring(raw.indexOf('/') + 1).replace('_', ' ') + " on " + (s == null ? raw : s.name());
    }
}
