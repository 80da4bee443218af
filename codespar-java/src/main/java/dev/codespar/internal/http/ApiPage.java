package dev.codespar.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.paging.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A page of a list answer, and the request of the page after it. Offset lists continue with {@code offset} = the
 * offset sent + the items received while below {@code total}; cursor lists with {@code before=<next_before>} while
 * the server sends a new cursor; an answer with neither is the last page, so a server that ignores paging parameters
 * can never make the SDK loop.
 *
 * @param <T> the item type
 */
public final class ApiPage<T> implements Page<T> {

    /**
     * How to read the pages of one list endpoint.
     *
     * @param what the list, for messages (e.g. {@code GET /v1/projects})
     * @param itemKeys where the items may be, in order (the list's own key, then {@code data})
     * @param item reads one item
     * @param <T> the item type
     */
    public record Spec<T>(String what, List<String> itemKeys, Function<JsonNode, T> item) {

        /**
         * The spec of a list whose items are under {@code itemKey}, or {@code data}.
         *
         * @param what the list, for messages
         * @param itemKey the list's own key
         * @param item reads one item
         */
        public Spec(String what, String itemKey, Function<JsonNode, T> item) {
            this(what, List.of(itemKey, "data"), item);
        }
    }

    private final HttpTransport transport;
    private final Spec<T> spec;
    private final List<T> data;
    private final JsonNode raw;
    private final Long total;
    private final String nextCursor;
    private final ApiRequest nextRequest;
    private final String requestId;

    private ApiPage(HttpTransport transport, Spec<T> spec, List<T> data, JsonNode raw, Long total, String nextCursor,
            ApiRequest nextRequest, String requestId) {
        this.transport = transport;
        this.spec = spec;
        this.data = data;
        this.raw = raw;
        this.total = total;
        this.nextCursor = nextCursor;
        this.nextRequest = nextRequest;
        this.requestId = requestId;
    }

    /**
     * The call that fetches the first page.
     *
     * @param transport the transport
     * @param request builds (and validates) the request of the first page
     * @param spec how to read the pages
     * @param <T> the item type
     * @return the call
     */
    public static <T> ApiCall<Page<T>> first(HttpTransport transport, Supplier<ApiRequest> request, Spec<T> spec) {
        return ApiCall.reading(transport, request,
                sent -> JsonReaders.list().map(answer -> parse(transport, sent, spec, answer)));
    }

    private static <T> Page<T> parse(HttpTransport transport, ApiRequest request, Spec<T> spec, JsonAnswer answer) {
        JsonNode json = answer.json();
        JsonNode items = items(json, spec.itemKeys());
        if (items == null) {
            throw JsonReaders.missingField(answer, String.join("\" or \"", spec.itemKeys()));
        }
        List<T> data = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item.isObject()) {
                data.add(spec.item().apply(item));
            }
        }
        Long total = json.isObject() ? JsonFields.firstLong(json, "filtered", "total") : null;
        String sentCursor = json.isObject() ? JsonFields.firstText(json, "next_before") : null;
        String cursor = sentCursor == null || sentCursor.isEmpty() ? null : sentCursor;
        ApiRequest next = null;
        if (cursor != null) {
            if (items.size() > 0 && !cursor.equals(request.query().get("before"))) {
                next = request.withQuery("before", cursor);
            }
        } else if (total != null && items.size() > 0) {
            long nextOffset = sentOffset(request) + items.size();
            if (nextOffset < total) {
                next = request.withQuery("offset", nextOffset);
            }
        }
        return new ApiPage<>(transport, spec, Collections.unmodifiableList(data), json, total, cursor, next,
                answer.requestId());
    }

    private static JsonNode items(JsonNode json, List<String> keys) {
        if (json.isArray()) {
            return json;
        }
        for (String key : keys) {
            JsonNode node = json.get(key);
            if (node != null && node.isArray()) {
                return node;
            }
        }
        return null;
    }

    private static long sentOffset(ApiRequest request) {
        String offset = request.query().get("offset");
        if (offset == null) {
            return 0;
        }
        try {
            return Long.parseLong(offset);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public List<T> data() {
        return data;
    }

    @Override
    public JsonNode raw() {
        return raw;
    }

    @Override
    public OptionalLong total() {
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }

    @Override
    public Optional<String> nextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public boolean hasNextPage() {
        return nextRequest != null;
    }

    @Override
    public Page<T> nextPage() {
        return next().execute();
    }

    @Override
    public CompletableFuture<Page<T>> nextPageAsync() {
        return next().executeAsync();
    }

    private ApiCall<Page<T>> next() {
        return first(transport, () -> {
            if (nextRequest == null) {
                throw new NoSuchElementException("this is the last page of " + spec.what());
            }
            return nextRequest;
        }, spec);
    }

    @Override
    public String toString() {
        return "Page{" + spec.what() + ", items=" + data.size() + ", total=" + total + ", hasNextPage="
                + hasNextPage() + "}";
    }
}
