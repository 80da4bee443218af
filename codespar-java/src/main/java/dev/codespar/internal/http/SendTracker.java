package dev.codespar.internal.http;

/** Per-attempt flag, attached to the OkHttp request as a tag: has the request been handed to the socket? */
final class SendTracker {

    private volatile boolean sent;

    void markSent() {
        sent = true;
    }

    boolean isSent() {
        return sent;
    }
}
