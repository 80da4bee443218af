package dev.codespar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list answer, which knows how to fetch the next one. Immutable and thread-safe; the next page is
 * fetched only when asked for.
 *
 * <p>Walk every item of every page, fetching pages lazily as the iteration reaches them (auto-paging):
 *
 * <pre>{@code
 * for (Project p : client.projects().list().autoPager()) {
 *     System.out.println(p.slug());
 * }
 * List<String> live = client.projects().list().stream()
 *         .filter(p -> p.environment() == Environment.LIVE)
 *         .map(Project::id)
 *         .toList();
 * }</pre>
 *
 * <p>Or page by page:
 *
 * <pre>{@code
 * Page<Project> page = client.projects().list(ProjectListParams.builder().limit(50).build());
 * while (true) {
 *     handle(page.getData());
 *     if (!page.hasNextPage()) break;
 *     page = page.nextPage();
 * }
 * }</pre>
 *
 * <p>Both list styles of the API are understood:
 *
 * <ul>
 *   <li><b>offset</b>: {@code {"data": [...], "total": 120, "limit": 50, "offset": 0}}; the next page is requested
 *       with {@code offset} = the offset sent + the number of items received, while that is below {@code total};
 *   <li><b>cursor</b>: {@code {"sessions": [...], "next_before": "..."}}; the next page is requested with
 *       {@code before=<next_before>} while the server sends a new cursor.
 * </ul>
 *
 * <p>The items are read from the list's own key ({@code projects}, {@code sessions}, {@code keys}, ...) or from
 * {@code data}, whichever the server used. An answer with neither {@code total} nor {@code next_before} (e.g.
 * {@code {"connections": [...]}}) is a single, last page: the SDK never guesses a next page, so it cannot loop on a
 * server that ignores paging parameters. Every next page is sent with the query and project of the first one.
 *
 * @param <T> the item type
 */
public final class Page<T> {

    /** How to read the pages of one list endpoint. */
    record Spec<T>(String what, List<String> itemKeys, Function<JsonNode, T> item) {
        Spec(String what, String itemKey, Function<JsonNode, T> item) {
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

    private Page(HttpTransport transport, Spec<T> spec, List<T> data, JsonNode raw, Long total, String nextCursor,
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

    static <T> Page<T> fetch(HttpTransport transport, ApiRequest request, Spec<T> spec) {
        return transport.execute(request, reader(transport, request, spec));
    }

    static <T> CompletableFuture<Page<T>> fetchAsync(HttpTransport transport, ApiRequest request, Spec<T> spec) {
        return transport.executeAsync(request, reader(transport, request, spec));
    }

    private static <T> HttpTransport.ResponseReader<Page<T>> reader(HttpTransport transport, ApiRequest request,
            Spec<T> spec) {
        return JsonReaders.list().map(answer -> parse(transport, request, spec, answer));
    }

    static <T> CompletableFuture<Page<T>> fetchAsync(HttpTransport transport, Supplier<ApiRequest> request,
            Spec<T> spec) {
        return Calls.async(request, built -> fetchAsync(transport, built, spec));
    }

    static <T> Page<T> parse(HttpTransport transport, ApiRequest request, Spec<T> spec, JsonAnswer answer) {
        JsonNode json = answer.json();
        JsonNode items = items(json, spec.itemKeys());
        if (items.isMissingNode()) {
            throw JsonReaders.missingField(answer, String.join("\" or \"", spec.itemKeys()));
        }
        List<T> data = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            if (item.isObject()) {
                data.add(spec.item().apply(item));
            }
        }
        Long total = json.isObject() ? Answers.number(json, "filtered", "total") : null;
        String sentCursor = json.isObject() ? Answers.text(json, "next_before") : null;
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
        return new Page<>(transport, spec, Collections.unmodifiableList(data), json, total, cursor, next,
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
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
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

    /**
     * The items of this page only.
     *
     * @return an immutable list, empty when the page is
     */
    public List<T> getData() {
        return data;
    }

    /**
     * The page as the server sent it, for fields this class has no accessor for.
     *
     * @return the JSON body of the page
     */
    public JsonNode getRaw() {
        return raw;
    }

    /**
     * How many items match the query across all pages, when the server said ({@code total}; {@code filtered} in the
     * catalogue's schema shape).
     *
     * @return the count, or empty for lists that do not report one
     */
    public OptionalLong getTotal() {
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /**
     * The cursor of a cursor-style list ({@code next_before}), sent as {@code before} to get the next page.
     *
     * @return the cursor, or empty for offset-style lists and the last page
     */
    public Optional<String> getNextCursor() {
        return Optional.ofNullable(nextCursor);
    }

    /**
     * The request id of the HTTP answer that carried this page, for support tickets.
     *
     * @return the id, or {@code null} when the server sent none
     */
    public String getRequestId() {
        return requestId;
    }

    /**
     * Whether another page follows this one (see the class comment for how it is decided).
     *
     * @return {@code true} when {@link #nextPage()} would fetch one
     */
    public boolean hasNextPage() {
        return nextRequest != null;
    }

    /**
     * Fetches the next page (one HTTP request, retried like any {@code GET}).
     *
     * @return the next page
     * @throws NoSuchElementException when this is the last page
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    public Page<T> nextPage() {
        if (nextRequest == null) {
            throw new NoSuchElementException("this is the last page of " + spec.what());
        }
        return fetch(transport, nextRequest, spec);
    }

    /**
     * Non-blocking twin of {@link #nextPage()}.
     *
     * @return a future of the next page; completed exceptionally with {@link NoSuchElementException} on the last page
     */
    public CompletableFuture<Page<T>> nextPageAsync() {
        if (nextRequest == null) {
            return CompletableFuture.failedFuture(
                    new NoSuchElementException("this is the last page of " + spec.what()));
        }
        return fetchAsync(transport, nextRequest, spec);
    }

    /**
     * Every item of this page and of the pages after it, fetching each next page only when the iteration reaches
     * it. Each call of {@code iterator()} starts again from this page (without fetching it again). A failed fetch is
     * thrown from {@code hasNext()} as the {@link dev.codespar.errors.ApiError} of the call.
     *
     * @return a lazy iterable over all items
     */
    public Iterable<T> autoPager() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.data.size()) {
                    if (!page.hasNextPage()) {
                        return false;
                    }
                    page = page.nextPage();
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.data.get(index++);
            }
        };
    }

    /**
     * The items of {@link #autoPager()} as a sequential stream: pages are fetched as the stream pulls items, so a
     * short-circuiting operation ({@code findFirst}, {@code limit}) fetches no more pages than it needs.
     *
     * @return a lazy stream over all items
     */
    public Stream<T> stream() {
        return StreamSupport.stream(autoPager().spliterator(), false);
    }

    /**
     * This page and the pages after it, each fetched when the iteration reaches it.
     *
     * <pre>{@code
     * for (Page<SessionSummary> p : client.sessions().list().pages()) {
     *     store(p.getData());
     * }
     * }</pre>
     *
     * @return a lazy iterable over the pages
     */
    public Iterable<Page<T>> pages() {
        return () -> new Iterator<>() {
            private Page<T> last;

            @Override
            public boolean hasNext() {
                return last == null || last.hasNextPage();
            }

            @Override
            public Page<T> next() {
                if (last == null) {
                    last = Page.this;
                } else if (last.hasNextPage()) {
                    last = last.nextPage();
                } else {
                    throw new NoSuchElementException();
                }
                return last;
            }
        };
    }

    @Override
    public String toString() {
        return "Page{" + spec.what() + ", items=" + data.size() + ", total=" + total + ", hasNextPage="
                + hasNextPage() + "}";
    }
}
