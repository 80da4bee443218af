package dev.codespar.testkit.internal.program;

/** Path globs: {@code *} is one segment (or part of one), {@code **} is any rest of the path. */
public final class PathPattern {

    private PathPattern() {}

    /**
     * Whether a path matches a glob.
     *
     * @param pattern the glob
     * @param path an encoded path, or {@code null}
     * @return {@code true} on a match
     */
    public static boolean matches(String pattern, String path) {
        if (path == null) {
            return false;
        }
        return match(pattern, 0, path, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                boolean any = pi + 1 < p.length() && p.charAt(pi + 1) == '*';
                int next = pi + (any ? 2 : 1);
                for (int k = si; k <= s.length(); k++) {
                    if (match(p, next, s, k)) {
                        return true;
                    }
                    if (k < s.length() && !any && s.charAt(k) == '/') {
                        return false;
                    }
                }
                return false;
            }
            if (si >= s.length() || s.charAt(si) != c) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }
}
