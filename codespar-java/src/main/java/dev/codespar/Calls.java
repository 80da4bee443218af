package dev.codespar;

import dev.codespar.internal.http.ApiRequest;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonAnswer;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.validation.Validation;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The two ways a management call runs: blocking, or as a future. Building the request validates the input, so a
 * validation error is thrown by the blocking form and completes the future exceptionally in the async form, without
 * a network call in either.
 */
final class Calls {

    private Calls() {}

    static <T> T run(HttpTransport transport, Supplier<ApiRequest> request, Function<JsonAnswer, T> parse) {
        return transport.execute(request.get(), JsonReaders.answer().map(parse));
    }

    static <T> CompletableFuture<T> runAsync(HttpTransport transport, Supplier<ApiRequest> request,
            Function<JsonAnswer, T> parse) {
        return async(request, built -> transport.executeAsync(built, JsonReaders.answer().map(parse)));
    }

    /**
     * Builds the request, then sends it; a failure while building (validation) completes the future instead of
     * being thrown.
     */
    static <T> CompletableFuture<T> async(Supplier<ApiRequest> request,
            Function<ApiRequest, CompletableFuture<T>> send) {
        ApiRequest built;
        try {
            built = request.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return send.apply(built);
    }

    static void runDiscarding(HttpTransport transport, Supplier<ApiRequest> request) {
        transport.execute(request.get(), JsonReaders.discard());
    }

    static CompletableFuture<Void> runDiscardingAsync(HttpTransport transport, Supplier<ApiRequest> request) {
        return async(request, built -> transport.executeAsync(built, JsonReaders.discard()));
    }

    /**
     * Checks a path id before the network.
     *
     * @param value the id
     * @param name the argument name used in the message
     * @return the id
     * @throws dev.codespar.errors.InvalidRequestError when it is null or blank
     */
    static String id(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(name + ": must not be blank");
        }
        return value;
    }
}
