package dev.codespar.testkit.internal.program;

import dev.codespar.testkit.Fault;
import java.time.Duration;

/** A failure waiting to strike (an error code or a transport fault) and what narrows it; thread-safe. */
public final class InjectionRule {

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

    /**
     * A rule.
     *
     * @param code the error code, or {@code null} for a fault
     * @param status the status of the error, 0 for a fault
     * @param fault the fault, or {@code null} for an error
     * @param times how many requests it strikes
     */
    public InjectionRule(String code, int status, Fault fault, int times) {
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

    /** @param value the method, upper case, or {@code null} */
    public synchronized void method(String value) {
        this.method = value;
    }

    /** @param value the path glob, or {@code null} */
    public synchronized void path(String value) {
        this.pathPattern = value;
    }

    /** @param value the tool, or {@code null} */
    public synchronized void tool(String value) {
        this.tool = value;
    }

    /** @param value the error message, or {@code null} for the default */
    public synchronized void message(String value) {
        this.message = value;
    }

    /** @param value the connect URL of a {@code needs_connection}, or {@code null} for a live link */
    public synchronized void connectUrl(String value) {
        this.connectUrl = value;
    }

    /** @param value the {@code Retry-After} wait, or {@code null} */
    public synchronized void retryAfter(Duration value) {
        this.retryAfter = value;
    }

    /** @param value whether the work is done before the failure */
    public synchronized void afterProcessing(boolean value) {
        this.afterProcessing = value;
    }

    /**
     * Sets the drip pace.
     *
     * @param bytes bytes per burst
     * @param period pause between bursts
     */
    public synchronized void drip(long bytes, Duration period) {
        this.dripBytes = bytes;
        this.dripPeriod = period;
    }

    /** @return the remaining uses */
    public synchronized int remaining() {
        return remaining;
    }

    /** Withdraws the rule. */
    public synchronized void cancel() {
        remaining = 0;
    }

    /** @return the error code, or {@code null} */
    public String code() {
        return code;
    }

    /** @return the fault, or {@code null} */
    public Fault fault() {
        return fault;
    }

    /** @return the error status */
    public int status() {
        return status;
    }

    /** @return the message override, or {@code null} */
    public synchronized String message() {
        return message;
    }

    /** @return the connect URL override, or {@code null} */
    public synchronized String connectUrlOverride() {
        return connectUrl;
    }

    /** @return the {@code Retry-After} wait, or {@code null} */
    public synchronized Duration retryAfterValue() {
        return retryAfter;
    }

    /** @return whether the work is done first */
    public synchronized boolean isAfterProcessing() {
        return afterProcessing;
    }

    /** @return drip burst size */
    public synchronized long dripBytes() {
        return dripBytes;
    }

    /** @return drip pause */
    public synchronized Duration dripPeriod() {
        return dripPeriod;
    }

    /**
     * Consumes one use when a request matches.
     *
     * @param reqMethod the method
     * @param path the encoded path
     * @param reqTool the tool of an execute, or {@code null}
     * @return {@code true} when it strikes this request
     */
    public synchronized boolean take(String reqMethod, String path, String reqTool) {
        if (remaining <= 0 || !matches(reqMethod, path, reqTool)) {
            return false;
        }
        remaining--;
        return true;
    }

    /**
     * Consumes one use for a tool the fake's agent calls during a send (error codes scoped to a tool only).
     *
     * @param calledTool the tool
     * @return {@code true} when it strikes this call
     */
    public synchronized boolean takeInsideSend(String calledTool) {
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

    @Override
    public synchronized String toString() {
        return "Injection{" + (fault != null ? "fault=" + fault : "code=" + code + ", status=" + status)
                + ", remaining=" + remaining
                + (method != null ? ", method=" + method : "")
                + (pathPattern != null ? ", path=" + pathPattern : "")
                + (tool != null ? ", tool=" + tool : "") + "}";
    }
}
