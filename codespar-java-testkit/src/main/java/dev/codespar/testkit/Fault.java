package dev.codespar.testkit;

/**
 * A transport-level failure the fake can inject with {@link FakeCodeSpar#injectNext(Fault)} or
 * {@link FakeCodeSpar#injectTimes(int, Fault)}: what a flaky network, a crashed pod or a proxy in front of the API
 * does to an answer.
 *
 * <p>Unless {@link Injection#beforeProcessing()} is called, a fault strikes <em>after</em> the fake has done the
 * work (a payment is created, a mock entry consumed) and only the answer is lost or damaged: exactly the case where
 * a client must not blindly send a {@code POST} again. {@link #HTML_502} is the exception: a proxy answers in place
 * of the API, so the work is not done.
 *
 * <pre>{@code
 * fake.injectNext(Fault.DISCONNECT_BEFORE_RESPONSE).onTool("codespar_pay");
 * NetworkError e = assertThrows(NetworkError.class, () -> session.execute("codespar_pay", input));
 * assertThat(e.wasRequestSent()).isTrue();          // the payment may exist: check before paying again
 * }</pre>
 */
public enum Fault {

    /** The request is read, then the connection is closed without a byte of answer. */
    DISCONNECT_BEFORE_RESPONSE,

    /**
     * The status line, the headers and half of the body are sent, then the connection is closed. On a stream: the
     * first event is sent, then the connection drops (no clean end of the chunked body).
     */
    DISCONNECT_MID_BODY,

    /**
     * The request is read and nothing ever comes back (until the client gives up or the fake is closed). On a stream:
     * the head and the first event are sent, then silence, not even heartbeats, so the client's idle timeout fires.
     */
    STALL,

    /**
     * The answer trickles out a few bytes at a time (by default 1 byte every 100 ms; see
     * {@link Injection#drip(long, java.time.Duration)}).
     */
    SLOW_DRIP,

    /**
     * The body ends early but cleanly. On a send stream: every event except the terminal {@code done} (or
     * {@code error}) is sent, then the response ends normally. On a status stream: the {@code snapshot}, then the
     * end. On a JSON answer: half the body is sent with a matching {@code Content-Length}, so the client receives
     * well-framed, malformed JSON.
     */
    TRUNCATE_STREAM,

    /**
     * A proxy's HTML error page ({@code 502 Bad Gateway}, {@code text/html}) instead of the API's JSON. The request
     * never reaches the API, so no work is done.
     */
    HTML_502
}
