package dev.codespar.agent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Tool names every framework accepts: OpenAI, Anthropic, Gemini and LangChain4j take
 * {@code ^[a-zA-Z0-9_-]{1,64}$}, so a CodeSpar {@code server/tool} name cannot be handed over as it is.
 */
final class ToolNames {

    private static final Pattern SAFE = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final int MAX = 64;

    private ToolNames() {}

    /** The framework name of a CodeSpar tool: {@code /} becomes {@code __} (the runtime's spelling), others {@code _}. */
    static String frameworkName(String toolName) {
        if (SAFE.matcher(toolName).matches()) {
            return toolName;
        }
        StringBuilder out = new StringBuilder(toolName.length() + 4);
        for (int i = 0; i < toolName.length(); i++) {
            char c = toolName.charAt(i);
            if (c == '/') {
                out.append("__");
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-') {
                out.append(c);
            } else {
                out.append('_');
            }
        }
        if (out.length() == 0) {
            out.append("tool");
        }
        // a long name keeps a hash of the whole: two long names that share a prefix must not collide
        return out.length() <= MAX ? out.toString() : out.substring(0, MAX - 9) + "_" + hash(toolName);
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
