package dev.codespar;

import dev.codespar.internal.json.JsonFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Values#instant} reads the common timestamp shape without {@code java.time}'s formatter; it must give exactly
 * what the formatter path gives (the instant, or {@code null}) for every text, well-formed or not.
 */
class ValuesInstantTest {

    /** The reading before the fast path: the formatter, then {@link Instant#parse}, else {@code null}. */
    private static Instant reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Instant read(String text) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("at", text);
        return JsonFields.instant(json, "at");
    }

    @Test
    void agreesWithTheFormatterOnHandPickedTexts() {
        List<String> texts = List.of(
                "2025-05-01T12:00:00Z", "2025-05-01T12:00:00.000Z", "2025-05-01T12:00:01.234Z",
                "2025-05-01T12:00:01.123456789Z", "2025-05-01T12:00:01.1234567891Z", "2025-05-01T12:00:01.Z",
                "2025-05-01T12:00:01.5+02:00", "2025-05-01T12:00:01-03:00", "2025-05-01T12:00:01+00:00",
                "2025-05-01T12:00:01-00:00", "2025-05-01T12:00:01+18:00", "2025-05-01T12:00:01-18:00",
                "2025-05-01T12:00:01+18:01", "2025-05-01T12:00:01+17:59", "2025-05-01T12:00:01+05:60",
                "2025-05-01T12:00:01+0530", "2025-05-01T12:00:01+05", "2025-05-01T12:00:01+05:30:15",
                "2025-05-01t12:00:01z", "2025-05-01T12:00:01z", "2025-05-01 12:00:01Z", "2025-05-01T12:00Z",
                "2025-05-01T12:00:01", "2025-05-01", "2024-02-29T00:00:00Z", "2025-02-29T00:00:00Z",
                "2100-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-12-31T23:59:59Z",
                "2025-13-01T00:00:00Z", "2025-00-01T00:00:00Z", "2025-01-00T00:00:00Z", "2025-01-01T24:00:00Z",
                "2025-01-01T23:60:00Z", "2025-01-01T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
                "2025-05-01T12:00:01.234Z ", " 2025-05-01T12:00:01.234Z", "2025-05-01T12:00:01.234ZZ",
                "2025-05-01T12:00:01.2a4Z", "2025-\u06655-01T12:00:01Z", "", "yesterday", "2025-05-01T12:00:01.234+",
                "2025-05-01T12:00:01.234+01:0", "2025-05-01T12:00:01.234+01:000", "2025-05-01T12:00:01.234+1:00");
        for (String text : texts) {
            assertThat(read(text)).as(text).isEqualTo(reference(text));
        }
        assertThat(read("2025-05-01T12:00:01.234Z")).isEqualTo(Instant.parse("2025-05-01T12:00:01.234Z"));
    }

    @Test
    void agreesWithTheFormatterOnRandomTexts() {
        Random random = new Random(42);
        String alphabet = "0123456789-:T.Z+ z";
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            String text;
            if (i % 2 == 0) {
                // a valid shape with random digits: exercises every date and range check
                text = String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s", random.nextInt(10_000),
                        random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62),
                        random.nextInt(62), fraction(random), offset(random));
            } else {
                // a valid text with one character changed
                StringBuilder sb = new StringBuilder(String.format("2025-%02d-%02dT10:20:30.%03d%s",
                        1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(1000), offset(random)));
                sb.setCharAt(random.nextInt(sb.length()), alphabet.charAt(random.nextInt(alphabet.length())));
                text = sb.toString();
            }
            Instant expected = reference(text);
            assertThat(read(text)).as(text).isEqualTo(expected);
            parsed += expected != null ? 1 : 0;
        }
        assertThat(parsed).as("enough valid texts to mean something").isGreaterThan(4_000);
    }

    private static String fraction(Random random) {
        int digits = random.nextInt(11);
        if (digits == 10) {
            return "";
        }
        StringBuilder sb = new StringBuilder(".");
        for (int i = 0; i < digits; i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private static String offset(Random random) {
        List<String> offsets = new ArrayList<>(List.of("Z", "+00:00", "-03:00", "+05:30", "+18:00", "-18:00",
                "+19:00", "+01:60", "", "+0100", "+01"));
        offsets.add(String.format("%s%02d:%02d", random.nextBoolean() ? "+" : "-", random.nextInt(20),
                random.nextInt(61)));
        return offsets.get(random.nextInt(offsets.size()));
    }
}
