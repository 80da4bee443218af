package dev.codespar.internal.management;

import dev.codespar.internal.validation.Validation;
import dev.codespar.management.Environment;

/** Checks of the arguments of management calls, made while their request is built (so before the network). */
final class ManagementRequests {

    private ManagementRequests() {}

    /**
     * A path id that is neither {@code null} nor blank.
     *
     * @throws dev.codespar.errors.InvalidRequestError naming the argument otherwise
     */
    static String id(String value, String name) {
        if (value == null || value.isBlank()) {
            throw Validation.invalid(name + ": must not be blank");
        }
        return value;
    }

    /**
     * Parameters that are not {@code null}.
     *
     * @throws dev.codespar.errors.InvalidRequestError otherwise
     */
    static <P> P params(P params) {
        if (params == null) {
            throw Validation.invalid("params must not be null");
        }
        return params;
    }

    /**
     * The wire value of an environment; {@code null} (omitted) when none was chosen.
     *
     * @throws dev.codespar.errors.InvalidRequestError for {@link Environment#UNKNOWN}, which is never sent
     */
    static String environment(Environment value, String field) {
        if (value == Environment.UNKNOWN) {
            throw Validation.invalid(field + ": must be LIVE or TEST, not UNKNOWN");
        }
        return value == null ? null : value.wireValue();
    }
}
