package dev.codespar;

import okhttp3.mockwebserver.MockResponse;

/** What the caller calls, in {@link FaultInjectionTest}'s matrix. */
enum FaultTarget {
    /** {@code session.connections()}: {@code GET}, safe to repeat. */
    GET(false, true),
    /** {@code session.execute("codespar_pay", ...)}: a {@code POST} that moves money. */
    POST(false, false),
    /** {@code session.sendStream(...)}: a {@code POST} answered with server-sent events. */
    SEND_STREAM(true, false),
    /** {@code session.toolCalls().paymentStatusStream(...)}: a {@code GET} answered with server-sent events. */
    STATUS_STREAM(true, true);

    final boolean stream;
    final boolean idempotent;

    FaultTarget(boolean stream, boolean idempotent) {
        this.stream = stream;
        this.idempotent = idempotent;
    }

    /** The attempts the retry policy allows when the request may have reached the server. */
    int attemptsAfterSend() {
        return idempotent ? FaultInjectionTest.ALL_ATTEMPTS : 1;
    }

    /** A well-formed 2xx answer, with the request id. */
    MockResponse ok() {
        switch (this) {
            case GET:
                return FaultInjectionTest.json(200, "{\"servers\":[{\"id\":\"asaas\",\"connected\":true}],\"tools\":[]}");
            case POST:
                return TestSupport.toolOk().setHeader("X-Request-Id", FaultInjectionTest.RID);
            case SEND_STREAM:
                return FaultInjectionTest.sse(FaultInjectionTest.SEND_OK);
            default:
                return FaultInjectionTest.sse(FaultInjectionTest.STATUS_OK);
        }
    }

    int events() {
        return this == SEND_STREAM ? 5 : 3;
    }

    String partial() {
        return this == SEND_STREAM ? FaultInjectionTest.SEND_PARTIAL : FaultInjectionTest.STATUS_PARTIAL;
    }

    int partialEvents() {
        return this == SEND_STREAM ? 2 : 1;
    }
}
