package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.ToolCallRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;
import dev.codespar.testkit.internal.wire.CallContext;

/**
 * Test mode: a session's calls answered from its declared mocks alone. An object answers every call; an array
 * answers call <i>n</i> with entry <i>n</i> (the counter moves only on success), then 422 {@code mocks_exhausted};
 * a tool without a mock answers 422 {@code tool_not_mocked}; an empty array 503 {@code mocks_engine_error}. Same
 * bytes in both dialects.
 */
final class MockGate {

    private MockGate() {}

    /**
     * Whether a session is answered from mocks only.
     *
     * @param world the state
     * @param s the session
     * @return {@code true} when it declared mocks, or strict test mode covers its test key
     */
    static boolean applies(World world, SessionRecord s) {
        if (world.config.dialect() == Dialect.RUNTIME) {
            return world.config.runtimeTestMode();   // the runtime's deployment flag gates every session
        }
        return s.mocks != null || (world.config.strictTestMode() && s.testKey);
    }

    static Answer answer(World world, SessionRecord s, String tool, JsonNode input, CallContext ctx) {
        JsonNode mock = s.mocks == null ? null : s.mocks.get(tool);
        if (mock == null) {
            return Answer.toolNotMocked(ctx, tool, "tool " + tool + " has no matching mock in this session; declare a"
                    + " mock entry or omit the mocks field");
        }
        if (mock.isObject()) {
            return ToolResults.success(world, s, tool, "mock", input, mock.deepCopy(), 0, ToolCallRecord.Kind.OTHER,
                    ctx);
        }
        if (mock.isEmpty()) {
            return Answer.error(ctx, "mocks_engine_error", 503, "mock engine unavailable; retry the call or contact"
                    + " support");
        }
        int used = s.mockCounters.getOrDefault(tool, 0);
        if (used >= mock.size()) {
            return Answer.error(ctx, "mocks_exhausted", 422, "mock store exhausted for tool " + tool + " after "
                    + mock.size() + " calls");
        }
        s.mockCounters.put(tool, used + 1);
        return ToolResults.success(world, s, tool, "mock", input, mock.get(used).deepCopy(), 0,
                ToolCallRecord.Kind.OTHER, ctx);
    }
}
