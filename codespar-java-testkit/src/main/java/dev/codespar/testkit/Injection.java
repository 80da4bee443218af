package dev.codespar.testkit;

import dev.codespar.testkit.internal.program.InjectionRule;
import java.time.Duration;
import java.util.Locale;

/**
 * A failure waiting to strike: an error code ({@link FakeCodeSpar#failNext(String)},
 * {@link FakeCodeSpar#failTimes(int, String)}) or a transport {@link Fault} ({@link FakeCodeSpar#injectNext(Fault)}).
 * Each matching request consumes one use; once spent the fake answers normally again.
 *
 * <p>The handle narrows and tunes the failure; it is registered already, so configure it before the code under test
 * sends its request:
 *
 * <pre>{@code
 * fake.failNext("rate_limited")
 *     .onTool("codespar_pay")               // only executions of this tool
 *     .retryAfter(Duration.ZERO);           // Retry-After: 0, so the SDK retries at once
 * fake.failTimes(3, "service_unavailable").onPath("/v1/connect/start");
 * fake.failNext("gateway_timeout").onTool("codespar_pay").afterProcessing();   // the payment went through anyway
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Injection {

    private final InjectionRule rule;

    Injection(InjectionRule rule) {
        this.rule = rule;
    }

    /**
     * Strikes only requests with this HTTP method.
     *
     * @param value e.g. {@code "POST"}
     * @return this injection
     */
    public Injection onMethod(String value) {
        rule.method(value == null ? null : value.toUpperCase(Locale.ROOT));
        return this;
    }

    /**
     * Strikes only requests whose path matches a pattern: {@code *} stands for one path segment, {@code **} for any
     * rest of the path, e.g. <code>/v1/sessions/*&#47;execute</code> or {@code /v1/tool-calls/**}.
     *
     * @param pattern the path pattern (without query)
     * @return this injection
     */
    public Injection onPath(String pattern) {
        rule.path(pattern);
        return this;
    }

    /**
     * Strikes only executions of this tool ({@code POST /v1/sessions/{id}/execute} with this {@code tool}). An error
     * code scoped to a tool, and to no path, also strikes that tool when the fake's agent calls it during a
     * {@code send}: the tool call then ends in {@code status:"error"} with this {@code error_code}.
     *
     * @param name the tool name, e.g. {@code codespar_pay} or {@code asaas/create_payment}
     * @return this injection
     */
    public Injection onTool(String name) {
        rule.tool(name);
        return this;
    }

    /**
     * The {@code message} of the error body (default: a message like the server's for the code).
     *
     * @param value the message
     * @return this injection
     */
    public Injection withMessage(String value) {
        rule.message(value);
        return this;
    }

    /**
     * The {@code Retry-After} to send, in whole seconds (rounded up), with a matching {@code X-RateLimit-Reset} on a
     * 429. Default: 1 second on 429 and 503, none otherwise. {@code null} sends neither header.
     *
     * @param value the wait, or {@code null}
     * @return this injection
     */
    public Injection retryAfter(Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        rule.retryAfter(value);
        return this;
    }

    /**
     * The {@code connect_url} of a {@code needs_connection} error (default: a live connect link of the fake; opening
     * it connects the server).
     *
     * @param url the URL
     * @return this injection
     */
    public Injection connectUrl(String url) {
        rule.connectUrl(url);
        return this;
    }

    /**
     * Does the work first, then answers with the failure: the payment exists, the mock entry is consumed, only the
     * answer says otherwise (what a {@code 504} or a dropped connection can mean in production). Default for
     * transport faults except {@link Fault#HTML_502}.
     *
     * @return this injection
     */
    public Injection afterProcessing() {
        rule.afterProcessing(true);
        return this;
    }

    /**
     * Fails without doing the work (the server refused before acting). Default for error codes and
     * {@link Fault#HTML_502}.
     *
     * @return this injection
     */
    public Injection beforeProcessing() {
        rule.afterProcessing(false);
        return this;
    }

    /**
     * The pace of {@link Fault#SLOW_DRIP}: {@code bytes} every {@code period} (default 1 byte every 100 ms).
     *
     * @param bytes bytes per period, at least 1
     * @param period the pause between two bursts
     * @return this injection
     */
    public Injection drip(long bytes, Duration period) {
        if (bytes < 1 || period == null || period.isNegative()) {
            throw new IllegalArgumentException("drip needs at least 1 byte per non-negative period");
        }
        rule.drip(bytes, period);
        return this;
    }

    /**
     * How many more requests this injection will strike.
     *
     * @return the remaining uses, {@code 0} once spent
     */
    public int remaining() {
        return rule.remaining();
    }

    /** Withdraws the injection: it strikes no further request. */
    public void cancel() {
        rule.cancel();
    }

    /**
     * The error code injected.
     *
     * @return the code, or {@code null} for a transport fault
     */
    public String code() {
        return rule.code();
    }

    /**
     * The transport fault injected.
     *
     * @return the fault, or {@code null} for an error code
     */
    public Fault fault() {
        return rule.fault();
    }

    @Override
    public String toString() {
        return rule.toString();
    }
}
