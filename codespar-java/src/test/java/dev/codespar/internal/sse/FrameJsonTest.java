package dev.codespar.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FrameJson reads exactly what Jackson's tree reader reads, or gives up; it never accepts what Jackson refuses. */
class FrameJsonTest {

    private static final List<String> ACCEPTED = List.of(
            "{}", "[]", " { } ", "\t\r\n{\"a\":1}\n", "{\"content\":\"hi\",\"iteration\":1}",
            "{\"type\":\"assistant_text\",\"content\":\"Cobran\u00e7a Pix \u20ac \uD83D\uDE00\",\"iteration\":0}",
            "{\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u20AC\\ud83d\\ude00 end\"}",
            "{\"lone\":\"\\ud800\"}",
            "{\"n\":[0,-0,1,-1,2147483647,-2147483648,2147483648,-2147483649,999999999999999999]}",
            "{\"b\":[true,false,null],\"o\":{\"x\":{\"y\":[{}]}}}",
            "{\"toolCall\":{\"id\":\"tc_01\",\"tool_name\":\"codespar_pay\",\"input\":{\"amount\":1000},"
                    + "\"output\":{\"id\":\"pay_1\"}}}",
            "\"text\"", "5", "true", "null", "[1 , 2 ,\"x\" ]", "{\"\":\"\"}");

    private static final List<String> REFUSED = List.of(
            "", "  ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{\"a\":1} {}",
            "{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":-}", "{\"a\":+1}", "{\"a\":1234567890123456789}",
            "{\"a\":truex}", "{\"a\":nul}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"tab\there\"}",
            "{\"a\":1,\"a\":2}", "{'a':1}", "{a:1}", "\uFEFF{}", "NaN", "{\"a\":\"unterminated}");

    @Test
    void acceptsTheSubsetAndBuildsJacksonsTree() throws Exception {
        for (String doc : ACCEPTED) {
            byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
            JsonNode fast = FrameJson.tree(bytes);
            assertThat(fast).as(doc).isNotNull();
            assertSameTree(fast, Json.TREE_READER.readTree(bytes), doc);
        }
    }

    @Test
    void givesUpOutsideTheSubset() {
        for (String doc : REFUSED) {
            assertThat(FrameJson.tree(doc.getBytes(StandardCharsets.UTF_8))).as(doc).isNull();
        }
        String deep = "[".repeat(FrameJson.MAX_DEPTH + 1) + "]".repeat(FrameJson.MAX_DEPTH + 1);
        assertThat(FrameJson.tree(deep.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void givesUpOnUtf8ThatIsNotWellFormed() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC3, (byte) 0x28},
        };
        for (byte[] sequence : bad) {
            java.io.ByteArrayOutputStream doc = new java.io.ByteArrayOutputStream();
            doc.writeBytes("{\"a\":\"".getBytes(StandardCharsets.US_ASCII));
            doc.writeBytes(sequence);
            doc.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
            assertThat(FrameJson.tree(doc.toByteArray())).as(java.util.Arrays.toString(sequence)).isNull();
        }
    }

    /** Mutated documents: whatever FrameJson accepts, Jackson accepts too and reads as the same tree. */
    @Test
    void neverAcceptsWhatJacksonRefusesNorReadsItDifferently() throws Exception {
        Random random = new Random(20261202);
        byte[] alphabet = "{}[]\":,\\ntrufalse0123456789-.eE \t\r\nu\u00e9".getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] doc = ACCEPTED.get(random.nextInt(ACCEPTED.size())).getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && doc.length > 0; e++) {
                int at = random.nextInt(doc.length);
                switch (random.nextInt(4)) {
                    case 0 -> doc[at] = alphabet[random.nextInt(alphabet.length)];
                    case 1 -> doc[at] = (byte) random.nextInt(256);
                    case 2 -> doc = java.util.Arrays.copyOf(doc, at);
                    default -> {
                        byte[] longer = new byte[doc.length + 1];
                        System.arraycopy(doc, 0, longer, 0, at);
                        longer[at] = alphabet[random.nextInt(alphabet.length)];
                        System.arraycopy(doc, at, longer, at + 1, doc.length - at);
                        doc = longer;
                    }
                }
            }
            JsonNode fast = FrameJson.tree(doc);
            if (fast != null) {
                accepted++;
                assertSameTree(fast, Json.TREE_READER.readTree(doc), new String(doc, StandardCharsets.UTF_8));
            }
        }
        assertThat(accepted).as("the mutations keep some documents valid").isGreaterThan(1000);
    }

    @Test
    void theCursorReadsAFlatObject() {
        byte[][] keys = {"content".getBytes(StandardCharsets.US_ASCII), "iteration".getBytes(StandardCharsets.US_ASCII)};
        FrameJson json = new FrameJson("{\"content\":\"hi\",\"x\":[1],\"iteration\":3}".getBytes(StandardCharsets.UTF_8));
        json.beginObject();
        assertThat(json.nextKey(keys)).isEqualTo(0);
        assertThat(json.string()).isEqualTo("hi");
        assertThat(json.nextKey(keys)).isEqualTo(FrameJson.OTHER_KEY);
        assertThat(json.node().toString()).isEqualTo("[1]");
        assertThat(json.nextKey(keys)).isEqualTo(1);
        assertThat(json.intValue(0)).isEqualTo(3);
        assertThat(json.nextKey(keys)).isEqualTo(FrameJson.END);
        json.finish();
    }

    /** Equal, and of the same node classes all the way down (IntNode is not LongNode). */
    private static void assertSameTree(JsonNode fast, JsonNode jackson, String doc) {
        assertThat(fast).as(doc).isEqualTo(jackson);
        assertThat(fast.getClass()).as(doc).isEqualTo(jackson.getClass());
        if (fast.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> a = fast.fields();
            Iterator<Map.Entry<String, JsonNode>> b = jackson.fields();
            while (a.hasNext()) {
                Map.Entry<String, JsonNode> x = a.next();
                Map.Entry<String, JsonNode> y = b.next();
                assertThat(x.getKey()).as(doc).isEqualTo(y.getKey());
                assertSameTree(x.getValue(), y.getValue(), doc);
            }
        } else if (fast.isArray()) {
            for (int i = 0; i < fast.size(); i++) {
                assertSameTree(fast.get(i), jackson.get(i), doc);
            }
        }
    }
}
