package dev.codespar.testkit;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Where a fake listens: a host name of the builder to the addresses it binds and the host its URLs name. */
final class Listen {

    private Listen() {}

    /** {@code localhost} binds both loopback addresses (clients resolve it to either); anything else, itself. */
    static List<InetAddress> addresses(String host) {
        try {
            List<InetAddress> out = new ArrayList<>();
            if (host.equals("localhost")) {
                out.add(InetAddress.getByName("127.0.0.1"));
                out.add(InetAddress.getByName("::1"));
            } else {
                out.add(InetAddress.getByName(host));
            }
            return out;
        } catch (UnknownHostException e) {
            throw new UncheckedIOException("unknown host " + host, e);
        }
    }

    /** The host as a URL names it (an IPv6 literal in brackets). */
    static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
