package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.state.Catalog;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.wire.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code codespar_discover}: a word-overlap ("trigram") search of the catalogue's tools for a use case. The best
 * match is {@code recommended}, the next ones {@code related}; nothing matching is a success with
 * {@code search_strategy: "empty"}.
 */
final class DiscoverTool implements MetaTool {

    /** Words that point at a category, beside the category's own name. */
    private static final Map<String, Set<String>> WORDS = Map.of(
            Catalog.PAYMENTS, Set.of("pay", "payment", "payments", "pix", "charge", "boleto", "card", "refund",
                    "cobranca", "pagamento", "money", "customer"),
            Catalog.FISCAL, Set.of("invoice", "nfe", "nf-e", "nfse", "nfs-e", "fiscal", "nota", "tax", "factura"),
            Catalog.SHIPPING, Set.of("ship", "shipping", "shipment", "label", "track", "tracking", "frete",
                    "delivery", "quote", "carrier"),
            Catalog.MESSAGING, Set.of("message", "whatsapp", "sms", "notify", "notification", "send", "template"),
            Catalog.ERP, Set.of("order", "erp", "product", "products", "stock"),
            Catalog.CRYPTO, Set.of("crypto", "usdc", "stablecoin", "onchain", "payout", "ramp"),
            Catalog.IDENTITY, Set.of("kyc", "identity", "verify", "verification", "document", "sanctions"),
            Catalog.COMMERCE, Set.of("shop", "buy", "store", "checkout", "search", "product"),
            Catalog.LEDGER, Set.of("ledger", "balance", "books", "account", "entry", "transaction"),
            Catalog.CARDS, Set.of("card", "issue", "virtual", "freeze", "cardholder"));

    private record Scored(Catalog.Server server, String tool, int score) {}

    @Override
    public boolean inputErrorsAreHttp() {
        return false;
    }

    @Override
    public JsonNode run(MetaCall call) {
        String useCase = call.required("use_case");
        String category = Json.string(call.input(), "category");
        String country = Json.string(call.input(), "country");
        int limit = (int) Math.max(1, Math.min(20, call.input().path("limit").asLong(5)));
        List<String> words = words(useCase);
        List<Scored> found = new ArrayList<>();
        for (Catalog.Server server : call.world().config.catalog().all()) {
            if ((category != null && !category.equalsIgnoreCase(server.category()))
                    || (country != null && !country.equalsIgnoreCase(server.country()))) {
                continue;
            }
            for (String tool : server.tools()) {
                int score = score(words, server, tool);
                if (score > 0) {
                    found.add(new Scored(server, tool, score + (call.session().servers.contains(server.id()) ? 1
                            : 0)));
                }
            }
        }
        found.sort(Comparator.comparingInt(Scored::score).reversed());
        ObjectNode data = Json.object();
        data.put("use_case", useCase);
        data.put("search_strategy", found.isEmpty() ? "empty" : "trigram");
        ArrayNode related = Json.NODES.arrayNode();
        if (found.isEmpty()) {
            data.putNull("recommended");
        } else {
            data.set("recommended", match(call.session(), found.get(0)));
            for (int i = 1; i < found.size() && related.size() < limit; i++) {
                related.add(match(call.session(), found.get(i)));
            }
        }
        data.set("related", related);
        ArrayNode next = data.putArray("next_steps");
        if (found.isEmpty()) {
            next.add("Describe the use case with other words, or list the catalogue with GET /v1/servers");
        } else {
            Scored best = found.get(0);
            if (!connected(call.session(), best.server())) {
                next.add("Connect " + best.server().id() + " with codespar_manage_connections (action: initiate)");
            }
            next.add("Call " + best.server().id() + "/" + best.tool() + " with session.execute");
        }
        return data;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+")) {
            if (w.length() >= 3) {
                out.add(w);
            }
        }
        return out;
    }

    private static int score(List<String> words, Catalog.Server server, String tool) {
        Set<String> vocabulary = WORDS.getOrDefault(server.category(), Set.of());
        int score = 0;
        for (String w : words) {
            if (vocabulary.contains(w) || tool.contains(w) || w.equals(server.id()) || w.equals(server.category())) {
                score++;
            }
        }
        return score;
    }

    private static boolean connected(SessionRecord s, Catalog.Server server) {
        return server.authType().equals("none") || Boolean.TRUE.equals(s.connections.get(server.id()));
    }

    private static ObjectNode match(SessionRecord s, Scored hit) {
        Catalog.Server server = hit.server();
        ObjectNode m = Json.object();
        m.put("server_id", server.id());
        m.put("tool_name", server.id() + "/" + hit.tool());
        m.put("description", hit.tool().replace('_', ' ') + " on " + server.name());
        boolean read = hit.tool().startsWith("get_") || hit.tool().startsWith("list_")
                || hit.tool().startsWith("track_");
        String noun = hit.tool().substring(hit.tool().indexOf('_') + 1);
        m.put("http_method", read ? "GET" : "POST");
        m.put("endpoint_template", "/v1/" + noun + "s" + (read && !hit.tool().startsWith("list_") ? "/{id}" : ""));
        m.putNull("cosine_distance");
        m.put("trigram_similarity", Math.min(0.99, 0.3 + 0.1 * hit.score()));
        String status = server.authType().equals("none") ? "not_required"
                : Boolean.TRUE.equals(s.connections.get(server.id())) ? "connected" : "disconnected";
        m.put("connection_status", status);
        ArrayNode pitfalls = m.putArray("known_pitfalls");
        if (server.category().equals(Catalog.PAYMENTS)) {
            pitfalls.add("codespar_pay amounts are minor units; codespar_charge amounts are major units");
        }
        ArrayNode plan = m.putArray("recommended_plan");
        int step = 1;
        if (status.equals("disconnected")) {
            plan.addObject().put("step", String.valueOf(step++))
                    .put("description", "Connect " + server.id() + " (codespar_manage_connections, action initiate)")
                    .put("prereq", true);
        }
        plan.addObject().put("step", String.valueOf(step)).put("description", "Call " + server.id() + "/"
                + hit.tool()).put("action", true);
        return m;
    }
}
