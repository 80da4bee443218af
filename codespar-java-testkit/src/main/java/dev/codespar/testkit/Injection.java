package dev.codespar.testkit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

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

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final String code;
    private final int status;
    private final Fault fault;
    private int remaining;
    private String method;
    private String pathPattern;
    private String tool;
    private String message;
    private String connectUrl;
    private Duration retryAfter;
    private boolean afterProcessing;
    private long dripBytes = 1;
    private Duration dripPeriod = Duration.ofMillis(100);

    private Injection(String code, int status, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        this.code = code;
        this.status = status;
        this.fault = fault;
        this.remaining = times;
        this.afterProcessing = fault != null && fault != Fault.HTML_502;
        this.retryAfter = status == 429 || status == 503 ? DEFAULT_RETRY_AFTER : null;
    }

    static Injection error(String code, int status, int times) {
        Objects.requireNonNull(code, "code");
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an injected error needs a 4xx or 5xx status, got " + status);
        }
        return new Injection(code, status, null, times);
    }

    static Injection fault(Fault fault, int times) {
        return new Injection(null, 0, Objects.requireNonNull(fault, "fault"), times);
    }

    /**
     * Strikes only requests with this HTTP method.
     *
     * @param value e.g. {@code "POST"}
     * @return this injection
     */
    public synchronized Injection onMethod(String value) {
        this.method = value == null ? null : value.toUpperCase(Locale.ROOT);
        return this;
    }

    /**
     * Strikes only requests whose path matches a pattern: {@code *} stands for one path segment, {@code **} for any
     * rest of the path, e.g. <code>/v1/sessions/*&#47;execute</code> or {@code /v1/tool-calls/**}.
     *
     * @param pattern the path pattern (without query)
     * @return this injection
     */
    public synchronized Injection onPath(String pattern) {
        this.pathPattern = pattern;
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
    public synchronized Injection onTool(String name) {
        this.tool = name;
        return this;
    }

    /**
     * The {@code message} of the error body (default: a message like the server's for the code).
     *
     * @param value the message
     * @return this injection
     */
    public synchronized Injection withMessage(String value) {
        this.message = value;
        return this;
    }

    /**
     * The {@code Retry-After} to send, in whole seconds (rounded up), with a matching {@code X-RateLimit-Reset} on a
     * 429. Default: 1 second on 429 and 503, none otherwise. {@code null} sends neither header.
     *
     * @param value the wait, or {@code null}
     * @return this injection
     */
    public synchronized Injection retryAfter(Duration value) {
        if (value != null && value.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
        this.retryAfter = value;
        return this;
    }

    /**
     * The {@code connect_url} of a {@code needs_connection} error (default: a live connect link of the fake; opening
     * it connects the server).
     *
     * @param url the URL
     * @return this injection
     */
    public synchronized Injection connectUrl(String url) {
        this.connectUrl = url;
        return this;
    }

    /**
     * Does the work first, then answers with the failure: the payment exists, the mock entry is consumed, only the
     * answer says otherwise (what a {@code 504} or a dropped connection can mean in production). Default for
     * transport faults except {@link Fault#HTML_502}.
     *
     * @return this injection
     */
    public synchronized Injection afterProcessing() {
        this.afterProcessing = true;
        return this;
    }

    /**
     * Fails without doing the work (the server refused before acting). Default for error codes and
     * {@link Fault#HTML_502}.
     *
     * @return this injection
     */
    public synchronized Injection beforeProcessing() {
        this.afterProcessing = false;
        return this;
    }

    /**
     * The pace of {@link Fault#SLOW_DRIP}: {@code bytes} every {@code period} (default 1 byte every 100 ms).
     *
     * @param bytes bytes per period, at least 1
     * @param period the pause between two bursts
     * @return this injection
     */
    public synchronized Injection drip(long bytes, Duration period) {
        if (bytes < 1 || period == null || period.isNegative()) {
            throw new IllegalArgumentException("drip needs at least 1 byte per non-negative period");
        }
        this.dripBytes = bytes;
        this.dripPeriod = period;
        return this;
    }

    /**
     * How many more requests this injection will strike.
     *
     * @return the remaining uses, {@code 0} once spent
     */
    public synchronized int remaining() {
        return remaining;
    }

    /** Withdraws the injection: it strikes no further request. */
    public synchronized void cancel() {
        remaining = 0;
    }

    /**
     * The error code injected.
     *
     * @return the code, or {@code null} for a transport fault
     */
    public String code() {
        return code;
    }

    /**
     * The transport fault injected.
     *
     * @return the fault, or {@code null} for an error code
     */
    public Fault fault() {
        return fault;
    }

    // ---------------------------------------------------------------- used by the dispatcher

    /** Consumes one use when the request matches. */
    synchronized boolean take(String reqMethod, String path, String reqTool) {
        if (remaining <= 0 || !matches(reqMethod, path, reqTool)) {
            return false;
        }
        remaining--;
        return true;
    }

    /** Consumes one use for a tool the fake's agent calls during a send (error codes scoped to a tool only). */
    synchronized boolean takeInsideSend(String calledTool) {
        if (remaining <= 0 || fault != null || tool == null || pathPattern != null || method != null
                || !tool.equals(calledTool)) {
            return false;
        }
        remaining--;
        return true;
    }

    private boolean matches(String reqMethod, String path, String reqTool) {
        if (method != null && !method.equals(reqMethod)) {
            return false;
        }
        if (pathPattern != null && !PathPattern.matches(pathPattern, path)) {
            return false;
        }
        return tool == null || tool.equals(reqTool);
    }

    int status() {
        return status;
    }

    synchronized String message() {
        return message;
    }

    synchronized String connectUrlOverride() {
        return connectUrl;
    }

    synchronized Duration retryAfterValue() {
        return retryAfter;
    }

    synchronized boolean isAfterProcessing() {
        return afterProcessing;
    }

    synchronized long dripBytes() {
        return dripBytes;
    }

    synchronized Duration dripPeriod() {
        return dripPeriod;
    }

    @Override
    public synchronized String toString() {
        return "Injection{" + (fault != null ? "fault=" + fault : "code=" + code + ", status=" + status)
                + ", remaining=" + remaining
                + (method != null ? ", method=" + method : "")
                + (pathPattern != null ? ", path=" + pathPattern : "")
                + (tool != null ? ", tool=" + tool : "") + "}";
    }
}
