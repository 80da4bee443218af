package dev.codespar.metatools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.Session;
import dev.codespar.ToolResult;
import dev.codespar.internal.http.ChainedFuture;
import dev.codespar.internal.json.Json;
import dev.codespar.internal.validation.Validation;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The typed meta-tools of a session: each builds the tool's input from typed parameters (checked before the network),
 * calls {@link dev.codespar.Session#execute} with it, and reads a successful result's data into a typed output.
 *
 * <pre>{@code
 * MetaTools tools = MetaTools.of(session);
 * TypedToolResult<ChargeResult> r = tools.charge(ChargeParams.pix(new BigDecimal("125.00"), "BRL", "Order 42",
 *         ChargeParams.Buyer.named("Ana Souza")));
 * String pix = r.output().map(ChargeResult::pixCopyPaste).orElse(null);
 * }</pre>
 *
 * <p>Everything {@link dev.codespar.Session#execute} promises holds: a tool-level failure is a result (its output empty), an HTTP
 * failure is thrown, a {@code POST} is never re-sent after it may have reached the server. Data this SDK version
 * cannot read into the typed output is not an error (the tool did its work): the output is empty and
 * {@link TypedToolResult#result()} keeps the data. Thread-safe; cheap to create.
 */
public final class MetaTools {

    private static final Logger LOG = LoggerFactory.getLogger(MetaTools.class);

    private final Session session;

    private MetaTools(Session session) {
        this.session = session;
    }

    /**
     * The typed meta-tools of a session.
     *
     * @param session the session to call them on
     * @return the meta-tools
     */
    public static MetaTools of(Session session) {
        if (session == null) {
            throw new IllegalArgumentException("session: must not be null");
        }
        return new MetaTools(session);
    }

    /**
     * Creates an inbound charge, the buyer paying the merchant ({@code codespar_charge}; amount in major units).
     * Follow the settlement with {@link dev.codespar.ToolCalls#paymentStatusStream(String)} and the result's tool call id.
     *
     * @param params the charge
     * @return the result: the typed charge when the tool succeeded, the full {@link ToolResult} either way
     * @throws dev.codespar.errors.InvalidRequestError when the charge is incomplete (no network call)
     * @throws dev.codespar.errors.ApiError when the call fails (see {@link dev.codespar.Session#execute})
     */
    public TypedToolResult<ChargeResult> charge(ChargeParams params) {
        return call("codespar_charge", params, null, ChargeResult.class);
    }

    /**
     * {@link #charge(ChargeParams)} without blocking.
     *
     * @param params the charge
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ChargeResult>> chargeAsync(ChargeParams params) {
        return callAsync("codespar_charge", params, null, ChargeResult.class);
    }

    /**
     * Quotes, labels or tracks a shipment ({@code codespar_ship}).
     *
     * @param params the shipping step
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the params lack what their action needs (no network call)
     */
    public TypedToolResult<ShipResult> ship(ShipParams params) {
        return call("codespar_ship", params, ShipParams::check, ShipResult.class);
    }

    /**
     * {@link #ship(ShipParams)} without blocking.
     *
     * @param params the shipping step
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ShipResult>> shipAsync(ShipParams params) {
        return callAsync("codespar_ship", params, ShipParams::check, ShipResult.class);
    }

    /**
     * Posts to or reads the double-entry ledger ({@code codespar_ledger}; minor units).
     *
     * @param params the ledger operation
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the params lack what their action needs (no network call)
     */
    public TypedToolResult<LedgerResult> ledger(LedgerParams params) {
        return call("codespar_ledger", params, LedgerParams::check, LedgerResult.class);
    }

    /**
     * {@link #ledger(LedgerParams)} without blocking.
     *
     * @param params the ledger operation
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<LedgerResult>> ledgerAsync(LedgerParams params) {
        return callAsync("codespar_ledger", params, LedgerParams::check, LedgerResult.class);
    }

    /**
     * Issues or controls a payment card ({@code codespar_issue}).
     *
     * @param params the card operation
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the params lack what their action needs (no network call)
     */
    public TypedToolResult<IssueResult> issue(IssueParams params) {
        return call("codespar_issue", params, IssueParams::check, IssueResult.class);
    }

    /**
     * {@link #issue(IssueParams)} without blocking.
     *
     * @param params the card operation
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<IssueResult>> issueAsync(IssueParams params) {
        return callAsync("codespar_issue", params, IssueParams::check, IssueResult.class);
    }

    /**
     * Searches a catalog, starts a checkout, or polls one ({@code codespar_shop}).
     *
     * @param params the shopping step
     * @return the result
     * @throws dev.codespar.errors.InvalidRequestError when the params lack what their action needs, e.g. a checkout
     *     with both items and a URL (no network call)
     */
    public TypedToolResult<ShopResult> shop(ShopParams params) {
        return call("codespar_shop", params, ShopParams::check, ShopResult.class);
    }

    /**
     * {@link #shop(ShopParams)} without blocking.
     *
     * @param params the shopping step
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ShopResult>> shopAsync(ShopParams params) {
        return callAsync("codespar_shop", params, ShopParams::check, ShopResult.class);
    }

    /**
     * Finds the tool that fits a use case ({@code codespar_discover}).
     *
     * @param useCase the task in plain words, e.g. {@code "emitir NFS-e"}
     * @return the result
     */
    public TypedToolResult<DiscoverResult> discover(String useCase) {
        return discover(DiscoverParams.of(useCase));
    }

    /**
     * {@link #discover(String)} without blocking.
     *
     * @param useCase the task in plain words
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<DiscoverResult>> discoverAsync(String useCase) {
        return discoverAsync(DiscoverParams.of(useCase));
    }

    /**
     * Finds the tool that fits a use case, with filters ({@code codespar_discover}).
     *
     * <pre>{@code
     * tools.discover(DiscoverParams.of("emitir NFS-e")).output()
     *         .map(DiscoverResult::recommended)
     *         .ifPresent(m -> System.out.println(m.serverId() + "/" + m.toolName()));
     * }</pre>
     *
     * @param params the search
     * @return the result
     */
    public TypedToolResult<DiscoverResult> discover(DiscoverParams params) {
        return call("codespar_discover", params, null, DiscoverResult.class);
    }

    /**
     * {@link #discover(DiscoverParams)} without blocking.
     *
     * @param params the search
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<DiscoverResult>> discoverAsync(DiscoverParams params) {
        return callAsync("codespar_discover", params, null, DiscoverResult.class);
    }

    /**
     * Asks the connection wizard ({@code codespar_manage_connections}): every server's state, one server's, or the
     * steps and URL to connect one.
     *
     * @param params the question
     * @return the result
     */
    public TypedToolResult<ConnectionWizardResult> connectionWizard(ConnectionWizardParams params) {
        return call("codespar_manage_connections", params, null, ConnectionWizardResult.class);
    }

    /**
     * {@link #connectionWizard(ConnectionWizardParams)} without blocking.
     *
     * @param params the question
     * @return a future of the result
     */
    public CompletableFuture<TypedToolResult<ConnectionWizardResult>> connectionWizardAsync(
            ConnectionWizardParams params) {
        return callAsync("codespar_manage_connections", params, null, ConnectionWizardResult.class);
    }

    private <P, O> TypedToolResult<O> call(String tool, P params, Consumer<? super P> check, Class<O> type) {
        Map<String, Object> input = input(params, check);
        return typed(session.execute(tool, input), type);
    }

    private <P, O> CompletableFuture<TypedToolResult<O>> callAsync(String tool, P params, Consumer<? super P> check,
            Class<O> type) {
        Map<String, Object> input;
        try {
            input = input(params, check);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        // ChainedFuture: cancelling the typed future still cancels the HTTP call
        return ChainedFuture.map(session.executeAsync(tool, input), result -> typed(result, type));
    }

    /** Validates the params (they are not null after that), runs their per-action check, and makes the input. */
    private static <P> Map<String, Object> input(P params, Consumer<? super P> check) {
        Validation.check(params, "params");
        if (check != null) {
            check.accept(params);
        }
        return Json.toMap(params);
    }

    /** The typed output of a successful result, or none; the result keeps the data either way. */
    private static <O> TypedToolResult<O> typed(ToolResult result, Class<O> type) {
        JsonNode data = result.data();
        if (!result.success() || !data.isObject()) {
            return new TypedToolResult<>(result, null);
        }
        try {
            return new TypedToolResult<>(result, Json.convert(data, type));
        } catch (IllegalArgumentException e) {
            LOG.warn("{} succeeded but its data does not fit {}; read result().data() instead (request_id={}): {}",
                    result.tool(), type.getSimpleName(), result.requestId(), e.getMessage());
            return new TypedToolResult<>(result, null);
        }
    }
}
