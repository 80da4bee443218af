package dev.codespar.testkit;

/**
 * Which server the fake impersonates. The two speak the same session API with different wire details; code under
 * test that must work against both can run its suite once per dialect.
 *
 * <pre>{@code
 * try (FakeCodeSpar fake = FakeCodeSpar.builder().dialect(Dialect.RUNTIME).start()) { ... }
 * }</pre>
 *
 * <p>The builder's default is {@link #HOSTED}, unless the system property {@value #PROPERTY} names another dialect
 * ({@code hosted} or {@code runtime}): a whole test run, or an example, can switch without a code change, e.g.
 * {@code mvn test -Dcodespar.testkit.dialect=runtime}.
 */
public enum Dialect {

    /**
     * The hosted API at {@code api.codespar.dev}: full session rows, {@code ses_} ids, request ids on every answer,
     * the flat error envelope of the error reference, the TypeScript SDK's stream events, every endpoint of the
     * management and consumer surfaces.
     */
    HOSTED,

    /**
     * The open-source runtime (github.com/codespar/codespar): only the session routes (also served without the
     * {@code /v1} prefix), UUID session ids, create answering {@code {id, status}}, connection rows
     * {@code {id: "<session>-conn-<n>-<server>", connected}}, stream frames {@code tool_use {id, name, input,
     * iteration}} / {@code tool_result {tool_use_id, content, is_error, iteration}} / {@code done {result}} /
     * {@code error {message}}, agent tool names {@code server__tool}, sentences in {@code error}, the web
     * framework's 404 for routes it lacks, no request id anywhere, {@code mocks_not_permitted} as 501.
     */
    RUNTIME;

    /** The system property that sets the builder's default dialect. */
    public static final String PROPERTY = "codespar.testkit.dialect";

    /**
     * The dialect named by the system property {@value #PROPERTY}, else {@link #HOSTED}.
     *
     * @return the default dialect
     * @throws IllegalArgumentException when the property names no dialect
     */
    public static Dialect fromSystemProperty() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? HOSTED : parse(value);
    }

    /**
     * A dialect by name, any case.
     *
     * @param name {@code hosted} or {@code runtime}
     * @return the dialect
     * @throws IllegalArgumentException for another name
     */
    public static Dialect parse(String name) {
        for (Dialect d : values()) {
            if (d.name().equalsIgnoreCase(name.strip())) {
                return d;
            }
        }
        throw new IllegalArgumentException("no dialect '" + name + "': use hosted or runtime");
    }
}
