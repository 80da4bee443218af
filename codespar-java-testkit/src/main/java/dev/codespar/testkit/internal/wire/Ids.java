package dev.codespar.testkit.internal.wire;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;

/** Identifiers in the formats the servers issue. */
public final class Ids {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final Random RANDOM = new SecureRandom();

    private Ids() {}

    /**
     * A prefixed id of random letters and digits, e.g. {@code ses_HZb4d5yxIAxLawb4}.
     *
     * @param prefix the prefix, e.g. {@code ses_}
     * @param n how many characters follow it
     * @return the id
     */
    public static String of(String prefix, int n) {
        return prefix + pick(ALNUM, n);
    }

    /**
     * A prefixed id of lower-case letters and digits.
     *
     * @param prefix the prefix
     * @param n how many characters follow it
     * @return the id
     */
    public static String lower(String prefix, int n) {
        return prefix + pick(LOWER, n);
    }

    /**
     * A prefixed id of hex digits, e.g. {@code req_0f3a...}.
     *
     * @param prefix the prefix
     * @param n how many digits follow it
     * @return the id
     */
    public static String hex(String prefix, int n) {
        return prefix + pick(HEX, n);
    }

    /**
     * A random UUID v4, as the open-source runtime names sessions.
     *
     * @return the UUID text
     */
    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    private static String pick(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
