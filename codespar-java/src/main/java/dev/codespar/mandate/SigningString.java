package dev.codespar.mandate;

import java.util.ArrayList;
import java.util.List;

/** The canonical text that both Ed25519 signatures of a mandate cover. */
final class SigningString {

    private SigningString() {}

    static String of(Mandate m) {
        StringBuilder out = new StringBuilder(256)
                .append(m.formatVersion()).append(':')
                .append(m.id()).append(':')
                .append(m.agentId()).append(':')
                .append(m.type()).append(':')
                .append(m.amount()).append(':')
                .append(m.currency()).append(':');
        appendPurposes(out, m.purposes());
        out.append(':').append(m.expiresAt())
                .append(':').append(orEmpty(m.maxAmount()))
                .append(':').append(orEmpty(m.parentId()))
                .append(':').append(orEmpty(m.denomination()))
                .append(':').append(m.secretVersion());
        if (m.formatVersion() >= 3) {
            // Colons inside agent_kid (did:web:...) stay as they are: the string is signed, never split again.
            out.append(':').append(orEmpty(m.principalKycRef()))
                    .append(':').append(orEmpty(m.agentKid()));
        }
        return out.toString();
    }

    /**
     * Sorted, escaped, comma-joined. {@link String#compareTo} orders by UTF-16 code units, which is how the issuer
     * (JavaScript's default sort) orders them; code-point order would differ for characters beyond U+FFFF.
     */
    private static void appendPurposes(StringBuilder out, List<String> purposes) {
        List<String> sorted = new ArrayList<>(purposes);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            // Backslash first, so the backslash that escapes a comma is not itself escaped again.
            out.append(sorted.get(i).replace("\\", "\\\\").replace(",", "\\,"));
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
