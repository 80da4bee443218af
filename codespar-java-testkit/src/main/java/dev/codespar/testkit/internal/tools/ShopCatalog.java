package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Json;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** The few products the fake's stores sell, with their SKUs. */
final class ShopCatalog {

    record Variant(String skuId, String title, long priceMinor) {}

    record Product(String productId, String title, List<String> tags, List<Variant> variants) {}

    static final List<Product> PRODUCTS = List.of(
            new Product("prod_1", "Ração para gato 1kg", List.of("cat", "food", "gato", "racao", "pet"),
                    List.of(new Variant("sku_1", "1kg", 4990), new Variant("sku_2", "3kg", 12990))),
            new Product("prod_2", "Areia sanitária para gatos 4kg", List.of("cat", "litter", "areia", "gato", "pet"),
                    List.of(new Variant("sku_3", "4kg", 2590))),
            new Product("prod_3", "Tênis de corrida", List.of("shoes", "running", "tenis", "sneakers"),
                    List.of(new Variant("sku_4", "40", 29990), new Variant("sku_5", "42", 29990))),
            new Product("prod_4", "Fone de ouvido bluetooth", List.of("headphones", "fone", "bluetooth", "audio"),
                    List.of(new Variant("sku_6", "preto", 15990))));

    private ShopCatalog() {}

    /** The offers whose title or tags share a word with the query, at most {@code limit}. */
    static ArrayNode search(String query, int limit, String storeUrl) {
        ArrayNode products = Json.NODES.arrayNode();
        String[] words = fold(query).split("[^a-z0-9]+");
        for (Product p : PRODUCTS) {
            if (products.size() >= limit) {
                break;
            }
            String haystack = fold(p.title()) + " " + String.join(" ", p.tags());
            boolean hit = false;
            for (String w : words) {
                hit |= w.length() >= 3 && haystack.contains(w);
            }
            if (hit) {
                products.add(offer(p, storeUrl));
            }
        }
        return products;
    }

    private static ObjectNode offer(Product p, String storeUrl) {
        ObjectNode o = Json.object();
        o.put("product_id", p.productId());
        Variant first = p.variants().get(0);
        if (p.variants().size() == 1) {
            o.put("sku_id", first.skuId());
        }
        o.put("title", p.title());
        o.put("price_minor", first.priceMinor());
        o.put("currency", "BRL");
        o.put("image", storeUrl + "/img/" + first.skuId() + ".jpg");
        o.put("url", storeUrl + "/p/" + first.skuId());
        o.put("available", true);
        ArrayNode variants = o.putArray("variants");
        for (Variant v : p.variants()) {
            variants.addObject().put("sku_id", v.skuId()).put("title", v.title()).put("price_minor", v.priceMinor())
                    .put("currency", "BRL").put("available", true);
        }
        return o;
    }

    /** The price of a SKU, or -1 when no product has it. */
    static long price(String skuId) {
        for (Product p : PRODUCTS) {
            for (Variant v : p.variants()) {
                if (v.skuId().equals(skuId)) {
                    return v.priceMinor();
                }
            }
        }
        return -1;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
