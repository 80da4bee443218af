package dev.codespar.internal.http;

/** Which hosts a key may be sent to over plain {@code http://}: loopback only, where nothing travels the network. */
public final class Hosts {

    private Hosts() {}

    /**
     * Whether a host is loopback: {@code localhost}, {@code ::1} or an address of {@code 127.0.0.0/8} written as
     * four decimal parts (other spellings, such as {@code 0x7f000001}, are not accepted).
     *
     * @param host the host of a URL
     * @return {@code true} for loopback
     */
    public static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost") || host.equals("::1")) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
