package dev.codespar;

import dev.codespar.metatools.MetaTools;
import dev.codespar.metatools.ChargeParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.codespar.errors.ApiError;
import dev.codespar.errors.CodeSparException;
import dev.codespar.errors.ErrorDetails;
import dev.codespar.internal.http.ErrorEnvelope;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * Property tests of the error-envelope parser and of the whole HTTP answer path, over generated hostile input
 * (see {@link Fuzz}): the only exceptions that ever escape are members of the sealed {@link CodeSparException} tree,
 * nothing hangs, and what the SDK keeps stays bounded.
 */
class EnvelopeFuzzTest {

    private static final int[] STATUSES = {200, 201, 204, 301, 302, 307, 400, 401, 403, 404, 409, 418, 422, 429, 451,
        500, 501, 502, 503, 504, 599, 999};

    /** The slowest single input may take this long; the whole batch far less than its overall limit. */
    private static final Duration PER_INPUT = Duration.ofSeconds(2);

    @Test
    void theEnvelopeParserNeverThrowsAndKeepsItsOutputBounded() {
        int count = Fuzz.count(20_000);
        long seed = Fuzz.SEED;
        Fuzz fuzz = new Fuzz(seed);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long slowest = 0;
            for (int i = 0; i < count; i++) {
                byte[] body = fuzz.body();
                int status = fuzz.pick(boxed(STATUSES));
                Headers headers = fuzz.headers();
                boolean truncated = body.length > ErrorEnvelope.MAX_BODY_BYTES;
                byte[] held = truncated ? java.util.Arrays.copyOf(body, ErrorEnvelope.MAX_BODY_BYTES) : body;
                MediaType type = MediaType.parse(fuzz.contentType());
                long start = System.nanoTime();
                try {
                    ErrorDetails details = ErrorEnvelope.parse(status, headers, held, truncated, type,
                            fuzz.chance(5) ? "SocketException" : null, FakeTiming.START);
                    ApiError error = ApiError.from(details.withAttempts(1));
                    assertThat(error.getStatus()).isEqualTo(status);
                    assertThat(error.getMessage()).isNotNull().hasSizeLessThan(ErrorEnvelope.MAX_BODY_BYTES + 1_000);
                    error.getRetryAfter().ifPresent(d -> assertThat(d.isNegative()).as("negative wait").isFalse());
                    String requestId = error.getRequestId();
                    if (requestId != null) {
                        assertThat(requestId).isNotBlank();
                    }
                    assertThat(error.toString()).isNotNull();
                } catch (AssertionError e) {
                    throw e;
                } catch (Throwable t) {
                    fail("the parser threw " + t + " for " + Fuzz.describe(seed, i, body), t);
                }
                slowest = Math.max(slowest, System.nanoTime() - start);
            }
            assertThat(Duration.ofNanos(slowest)).as("slowest input").isLessThan(PER_INPUT);
        });
    }

    /** What the in-memory server answers next: status, headers, content type and body. */
    private record Answer(int status, Headers headers, String contentType, byte[] body) {}

    @Test
    void theWholeHttpPathOnlyEverThrowsCodeSparExceptions() {
        int count = Fuzz.count(12_000);
        long seed = Fuzz.SEED + 1;
        Fuzz fuzz = new Fuzz(seed);
        AtomicReference<Answer> next = new AtomicReference<>();
        // an application interceptor answers in memory, so the fuzz runs the SDK's whole answer path (status,
        // retry rules, envelope, readers, parsers) without a socket and thousands of times per second
        OkHttpClient inMemory = new OkHttpClient.Builder().addInterceptor(chain -> {
            Answer a = next.get();
            MediaType type = MediaType.parse(a.contentType());
            return new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(a.status())
                    .message("fuzz").headers(a.headers())
                    .body(ResponseBody.create(fuzz.split(a.body()), type, a.body().length)).build();
        }).build();
        try (CodeSparClient client = CodeSparClient.builder().apiKey(TestSupport.KEY).environment(name -> null)
                .timing(new FakeTiming()).httpClient(inMemory).maxRetries(1).build()) {
            next.set(new Answer(201, Headers.of(), "application/json", Fuzz.utf8(Fixtures.CREATE_ANSWER)));
            Session session = client.create("user_123");
            assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
                long slowest = 0;
                for (int i = 0; i < count; i++) {
                    int status = fuzz.chance(50) ? 200 : fuzz.pick(boxed(STATUSES));
                    Answer answer = new Answer(status, fuzz.headers(), fuzz.contentType(), fuzz.body());
                    next.set(answer);
                    int target = i % 8;
                    long start = System.nanoTime();
                    try {
                        Object value = call(session, client, target);
                        assertThat(String.valueOf(value)).isNotNull();
                    } catch (CodeSparException expected) {
                        assertThat(expected.getMessage()).isNotNull().doesNotContain(TestSupport.KEY);
                    } catch (Throwable t) {
                        fail("call " + target + " threw " + t + " for status " + status + ", headers "
                                + answer.headers() + ", " + Fuzz.describe(seed, i, answer.body()), t);
                    }
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
                assertThat(Duration.ofNanos(slowest)).as("slowest call").isLessThan(PER_INPUT);
            });
        } finally {
            inMemory.dispatcher().executorService().shutdown();
        }
    }

    /** One of the SDK's calls, blocking or async; an async failure is unwrapped to what the caller would catch. */
    private static Object call(Session session, CodeSparClient client, int target) throws Throwable {
        try {
            switch (target) {
                case 0:
                    return session.execute("codespar_pay", Map.of("amount", 1000));
                case 1:
                    return session.executeAsync("codespar_pay", Map.of("amount", 1000)).get(10, TimeUnit.SECONDS);
                case 2:
                    return session.connections();
                case 3:
                    return session.toolCalls().paymentStatus("tc_1");
                case 4:
                    return session.send("hi");
                case 5:
                    return MetaTools.of(session).charge(ChargeParams.pix(new java.math.BigDecimal("10.00"), "BRL", "order",
                            ChargeParams.Buyer.named("Ana")));
                case 6:
                    return client.projects().list().data();
                default:
                    return client.sessions().listAsync().get(10, TimeUnit.SECONDS).data();
            }
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static Integer[] boxed(int[] values) {
        Integer[] out = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
