package dev.codespar.testkit;

/** What a status-stream writer is told: send an update (terminal or not), or stop because the fake shuts down. */
record StreamSignal(String frame, boolean terminal, boolean stop) {

    static final StreamSignal STOP = new StreamSignal(null, false, true);

    static StreamSignal update(String frame, boolean terminal) {
        return new StreamSignal(frame, terminal, false);
    }
}
