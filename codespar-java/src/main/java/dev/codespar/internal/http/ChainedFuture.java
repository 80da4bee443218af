package dev.codespar.internal.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A future made of several asynchronous steps (create then wait, or a polling loop) whose cancellation cancels the
 * step in flight, and with it its HTTP call. Plain {@code thenCompose}/{@code thenApply} stages would not.
 *
 * @param <T> the result type
 */
public final class ChainedFuture<T> extends CompletableFuture<T> {

    private volatile Future<?> current;

    /**
     * Makes {@code step} the one a cancellation reaches; cancels it at once when this chain is already cancelled.
     *
     * @param step the step now running
     */
    public void track(Future<?> step) {
        current = step;
        if (isCancelled()) {
            step.cancel(true);
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Future<?> step = current;
        if (cancelled && step != null) {
            step.cancel(mayInterruptIfRunning);
        }
        return cancelled;
    }

    /**
     * Runs {@code next} on the result of {@code first}; cancelling the chain cancels whichever step is running.
     *
     * @param first the first step
     * @param next the step after it
     * @param <A> the first step's value
     * @param <B> the chain's value
     * @return the chain
     */
    public static <A, B> CompletableFuture<B> compose(CompletableFuture<A> first,
            Function<? super A, CompletableFuture<B>> next) {
        return handle(first, (a, error) -> error != null ? CompletableFuture.failedFuture(error) : next.apply(a));
    }

    /**
     * Runs {@code next} on the outcome of {@code first}: its value, or its failure (unwrapped from
     * {@link CompletionException}; the other argument is then {@code null}). Cancelling the chain cancels whichever
     * step is running; {@code next} does not run once the chain is done.
     *
     * @param first the first step
     * @param next the step after it, given the value or the failure
     * @param <A> the first step's value
     * @param <B> the chain's value
     * @return the chain
     */
    public static <A, B> CompletableFuture<B> handle(CompletableFuture<A> first,
            BiFunction<? super A, Throwable, CompletableFuture<B>> next) {
        ChainedFuture<B> chain = new ChainedFuture<>();
        chain.track(first);
        first.whenComplete((a, error) -> {
            if (chain.isDone()) {
                return;
            }
            CompletableFuture<B> second;
            try {
                second = next.apply(a, error == null ? null : unwrap(error));
            } catch (RuntimeException e) {
                chain.completeExceptionally(e);
                return;
            }
            chain.track(second);
            second.whenComplete((b, error2) -> {
                if (error2 != null) {
                    chain.completeExceptionally(unwrap(error2));
                } else {
                    chain.complete(b);
                }
            });
        });
        return chain;
    }

    /**
     * Converts the result of {@code first}; cancelling the result cancels {@code first}.
     *
     * @param first the step
     * @param mapper the conversion
     * @param <A> the step's value
     * @param <B> the converted value
     * @return the converted future
     */
    public static <A, B> CompletableFuture<B> map(CompletableFuture<A> first, Function<? super A, ? extends B> mapper) {
        return compose(first, a -> CompletableFuture.completedFuture(mapper.apply(a)));
    }

    /**
     * The failure inside {@link CompletionException} wrappers.
     *
     * @param t a failure
     * @return the innermost cause that is not a wrapper
     */
    public static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
