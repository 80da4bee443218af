package dev.codespar.errors;

import java.util.Map;
import java.util.function.Function;

/**
 * The one table that says which class an error code or an HTTP status maps to: a known code picks its class
 * whatever the status; otherwise the status picks the class that owns it (500, 502, 503 and 504 their own leaves,
 * any other 5xx {@link ServerError}); an unknown status stays {@link ApiError}.
 */
final class ErrorClasses {

    private static final Map<String, Function<ErrorDetails, ApiError>> BY_CODE = Map.ofEntries(
            Map.entry("invalid_request", InvalidRequestError::new),
            Map.entry("slug_invalid", SlugInvalidError::new),
            Map.entry("slug_reserved", SlugReservedError::new),
            Map.entry("unauthorized", UnauthorizedError::new),
            Map.entry("forbidden", ForbiddenError::new),
            Map.entry("not_found", NotFoundError::new),
            Map.entry("slug_conflict", SlugConflictError::new),
            Map.entry("webhook_url_conflict", WebhookUrlConflictError::new),
            Map.entry("needs_connection", NeedsConnectionError::new),
            Map.entry("provider_unavailable", ProviderUnavailableError::new),
            Map.entry("rate_limited", RateLimitedError::new),
            Map.entry("quota_exceeded", QuotaExceededError::new),
            Map.entry("internal_error", InternalServerError::new),
            Map.entry("provider_error", ProviderError::new),
            Map.entry("service_unavailable", ServiceUnavailableError::new),
            Map.entry("gateway_timeout", GatewayTimeoutError::new),
            Map.entry("network_error", NetworkError::new),
            Map.entry("timeout", TimeoutError::new));

    private ErrorClasses() {}

    static ApiError forDetails(ErrorDetails details) {
        Function<ErrorDetails, ApiError> byCode = details.code() == null ? null : BY_CODE.get(details.code());
        if (byCode != null) {
            return byCode.apply(details);
        }
        int status = details.status();
        switch (status) {
            case 0:
                return new NetworkError(details);
            case 400:
                return new BadRequestError(details);
            case 401:
                return new UnauthorizedError(details);
            case 403:
                return new ForbiddenError(details);
            case 404:
                return new NotFoundError(details);
            case 409:
                return new ConflictError(details);
            case 422:
                return new UnprocessableEntityError(details);
            case 429:
                return new TooManyRequestsError(details);
            case 500:
                return new InternalServerError(details);
            case 502:
                return new ProviderError(details);
            case 503:
                return new ServiceUnavailableError(details);
            case 504:
                return new GatewayTimeoutError(details);
            default:
                return status >= 500 && status <= 599 ? new ServerError(details) : new ApiError(details);
        }
    }
}
