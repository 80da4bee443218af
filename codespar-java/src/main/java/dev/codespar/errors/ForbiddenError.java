package dev.codespar.errors;

/**
 * The API key is valid but not allowed to do this ({@code forbidden}, HTTP 403).
 *
 * <p>Likely causes: a read-only key calling a mutation; a project-scoped key used on another project; scopes
 * narrowed since the key was issued (e.g. {@code tools:execute}, {@code sessions:create} missing). Governance
 * policy denials ({@code reason}, {@code ruleId} in {@link #getBody()}) and {@code mocks_not_permitted} (mocks sent
 * with a live key) also arrive as 403s of this class.
 *
 * <p>Fix: check the key's scopes in the dashboard, or create a key with the scopes needed. Never retried.
 */
public final class ForbiddenError extends ApiError {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the error; the SDK does this for you, and tests can too (or use {@link ApiError#from(ErrorDetails)}).
     *
     * @param details the code, status, request id and the rest of the failure
     */
    public ForbiddenError(ErrorDetails details) {
        super(details);
    }
}
