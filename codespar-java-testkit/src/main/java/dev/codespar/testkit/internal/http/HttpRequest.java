package dev.codespar.testkit.internal.http;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * One HTTP/1.1 request as read from the wire.
 *
 * @param method the method, upper case
 * @param target the request target as sent (origin form: path and query)
 * @param url the target resolved against {@code http://localhost}, for decoded path segments and query parameters;
 *     {@code null} when the target is not a path
 * @param headers the request headers, in the order received
 * @param body the body bytes, empty when there was none
 */
public record HttpRequest(String method, String target, HttpUrl url, Headers headers, byte[] body) {

    /**
     * A header value.
     *
     * @param name any case
     * @return the first value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text, {@code ""} when there was no body
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
