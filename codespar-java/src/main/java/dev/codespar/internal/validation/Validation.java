package dev.codespar.internal.validation;

import dev.codespar.errors.ErrorDetails;
import dev.codespar.errors.InvalidRequestError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Client-side validation of request objects with Jakarta Validation. The {@link Validator} is built once, on first
 * use, and shared: Hibernate Validator's bootstrap costs hundreds of milliseconds. It uses the parameter-only
 * message interpolator (no expression language at run time) and ignores XML configuration.
 */
public final class Validation {

    private Validation() {}

    private static final class Holder {
        static final Validator VALIDATOR = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure()
                .ignoreXmlConfiguration()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }

    /**
     * Validates a request object.
     *
     * @param request the object; {@code null} is rejected
     * @param what the name used in the message when the object itself is {@code null}
     * @throws InvalidRequestError naming every field in violation, with status 400, no request id and 0 attempts
     */
    public static void check(Object request, String what) {
        if (request == null) {
            throw invalid(what + " must not be null");
        }
        Set<ConstraintViolation<Object>> violations = Holder.VALIDATOR.validate(request);
        if (!violations.isEmpty()) {
            throw invalid(violations.stream()
                    .map(v -> fieldName(v.getPropertyPath()) + ": " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
    }

    /**
     * The error for input rejected before the network.
     *
     * @param message what is wrong, naming the field
     * @return the error (not thrown)
     */
    public static InvalidRequestError invalid(String message) {
        return new InvalidRequestError(ErrorDetails.of("invalid_request", 400, message));
    }

    /** {@code servers[0].<list element>} reads as {@code servers[0]}. */
    private static String fieldName(Path path) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : path) {
            String name = node.getName();
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append("[\"").append(node.getKey()).append("\"]");
            }
            if (name != null && !name.startsWith("<")) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(name);
            }
        }
        return sb.length() == 0 ? "value" : sb.toString();
    }
}
