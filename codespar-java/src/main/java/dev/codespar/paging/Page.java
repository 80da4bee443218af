package dev.codespar.paging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
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
 *     handle(page.data());
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
public interface Page<T> {

    /**
     * The items of this page only.
     *
     * @return an immutable list, empty when the page is
     */
    List<T> data();

    /**
     * The page as the server sent it, for fields this interface has no accessor for.
     *
     * @return the JSON body of the page
     */
    JsonNode raw();

    /**
     * How many items match the query across all pages, when the server said ({@code total}; {@code filtered} in the
     * catalogue's schema shape).
     *
     * @return the count, or empty for lists that do not report one
     */
    OptionalLong total();

    /**
     * The cursor of a cursor-style list ({@code next_before}), sent as {@code before} to get the next page.
     *
     * @return the cursor, or empty for offset-style lists and the last page
     */
    Optional<String> nextCursor();

    /**
     * The request id of the HTTP answer that carried this page, for support tickets.
     *
     * @return the id, or {@code null} when the server sent none
     */
    String requestId();

    /**
     * Whether another page follows this one (see the interface comment for how it is decided).
     *
     * @return {@code true} when {@link #nextPage()} would fetch one
     */
    boolean hasNextPage();

    /**
     * Fetches the next page (one HTTP request, retried like any {@code GET}).
     *
     * @return the next page
     * @throws NoSuchElementException when this is the last page
     * @throws dev.codespar.errors.ApiError when the call fails
     */
    Page<T> nextPage();

    /**
     * {@link #nextPage()} without blocking.
     *
     * @return a future of the next page; completed exceptionally with {@link NoSuchElementException} on the last page
     */
    CompletableFuture<Page<T>> nextPageAsync();

    /**
     * Every item of this page and of the pages after it, fetching each next page only when the iteration reaches
     * it. Each call of {@code iterator()} starts again from this page (without fetching it again). A failed fetch is
     * thrown from {@code hasNext()} as the {@link dev.codespar.errors.ApiError} of the call.
     *
     * @return a lazy iterable over all items
     */
    default Iterable<T> autoPager() {
        return () -> new Iterator<>() {
            private Page<T> page = Page.this;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.data().size()) {
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
                return page.data().get(index++);
            }
        };
    }

    /**
     * The items of {@link #autoPager()} as a sequential stream: pages are fetched as the stream pulls items, so a
     * short-circuiting operation ({@code findFirst}, {@code limit}) fetches no more pages than it needs.
     *
     * @return a lazy stream over all items
     */
    default Stream<T> stream() {
        return StreamSupport.stream(autoPager().spliterator(), false);
    }

    /**
     * This page and the pages after it, each fetched when the iteration reaches it.
     *
     * <pre>{@code
     * for (Page<SessionSummary> p : client.sessions().list().pages()) {
     *     store(p.data());
     * }
     * }</pre>
     *
     * @return a lazy iterable over the pages
     */
    default Iterable<Page<T>> pages() {
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
}
