package dev.codespar.testkit.internal.program;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The canned answers of one tool; thread-safe. */
public final class StubRule {

    /** What one call answers. */
    public sealed interface Reply permits Data, Computed, ToolError, HttpError {}

    /**
     * A fixed {@code data}.
     *
     * @param data the data
     */
    public record Data(JsonNode data) implements Reply {}

    /**
     * {@code data} computed from the input.
     *
     * @param function input to data
     */
    public record Computed(Function<JsonNode, ?> function) implements Reply {}

    /**
     * A 200 {@code success:false}.
     *
     * @param error the error string
     */
    public record ToolError(String error) implements Reply {}

    /**
     * An HTTP error.
     *
     * @param code the code
     * @param status the status
     */
    public record HttpError(String code, int status) implements Reply {}

    private final String tool;
    private final List<Reply> replies = new ArrayList<>();
    private String server;
    private int calls;

    /**
     * A stub without answers yet.
     *
     * @param tool the tool
     */
    public StubRule(String tool) {
        this.tool = tool;
    }

    /**
     * Replaces the answers.
     *
     * @param next the new answers, in call order (the last repeats)
     */
    public synchronized void replace(List<Reply> next) {
        replies.clear();
        replies.addAll(next);
    }

    /**
     * Sets the server that runs the tool.
     *
     * @param id the server id
     */
    public synchronized void server(String id) {
        this.server = id;
    }

    /**
     * The server that runs the tool.
     *
     * @return the server, or {@code null} for the fake's routing
     */
    public synchronized String serverOverride() {
        return server;
    }

    /**
     * How many calls were answered.
     *
     * @return the count
     */
    public synchronized int calls() {
        return calls;
    }

    /**
     * The tool.
     *
     * @return its name
     */
    public String tool() {
        return tool;
    }

    /**
     * How many answers are programmed.
     *
     * @return the count
     */
    public synchronized int size() {
        return replies.size();
    }

    /**
     * Takes the answer of the next call.
     *
     * @return the reply, or {@code null} when none was programmed
     */
    public synchronized Reply next() {
        if (replies.isEmpty()) {
            return null;
        }
        Reply r = replies.get(Math.min(calls, replies.size() - 1));
        calls++;
        return r;
    }
}
