package dev.codespar.testkit.internal.routes;

import dev.codespar.testkit.internal.wire.Answer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A routing table: method and path pattern ({@code {name}} segments) to a handler. */
public final class Router {

    /** Answers one route. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Answers a request.
         *
         * @param ex the request
         * @return the answer
         */
        Answer handle(Exchange ex);
    }

    /** Who may call a route. */
    public enum Access {
        /** An accepted API key. */
        KEY,
        /** Anyone: the URL itself is the authorisation (connect pages, consent submits, DID documents). */
        PUBLIC
    }

    /**
     * One route.
     *
     * @param method the method
     * @param pattern the path segments, {@code {name}} for a parameter
     * @param access who may call it
     * @param handler its handler
     */
    public record Route(String method, List<String> pattern, Access access, Handler handler) {}

    /**
     * A matched route.
     *
     * @param route the route
     * @param params its parameters
     */
    public record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param method the method
     * @param path e.g. {@code /v1/sessions/{id}/execute}
     * @param access who may call it
     * @param handler its handler
     * @return this router
     */
    public Router add(String method, String path, Access access, Handler handler) {
        List<String> pattern = new ArrayList<>(List.of(path.substring(1).split("/")));
        routes.add(new Route(method, List.copyOf(pattern), access, handler));
        return this;
    }

    /**
     * The route of a request.
     *
     * @param method the method
     * @param segments the decoded path segments
     * @return the match, or {@code null}
     */
    public Match match(String method, List<String> segments) {
        for (Route r : routes) {
            if (!r.method().equals(method) || r.pattern().size() != segments.size()) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            boolean ok = true;
            for (int i = 0; i < segments.size() && ok; i++) {
                String p = r.pattern().get(i);
                if (p.startsWith("{")) {
                    params.put(p.substring(1, p.length() - 1), segments.get(i));
                    ok = !segments.get(i).isEmpty();
                } else {
                    ok = p.equals(segments.get(i));
                }
            }
            if (ok) {
                return new Match(r, params);
            }
        }
        return null;
    }
}
