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
 *
 * <p>The hot calls ({@code create}, {@code execute}, {@code send}) pass an exact, allocation-free pre-check of their
 * request's constraints ({@link #check(Object, String, boolean)}): input that provably satisfies every constraint
 * skips the validator, so a well-formed call never pays for Hibernate Validator (neither its bootstrap on the first
 * call nor its per-call allocations); anything else goes through it and gets its messages. The pre-checks use the
 * same semantics as the validator's built-in constraints ({@link #notBlank}, {@link #sizeAtMost}), and tests hold
 * each one to the validator's verdict.
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
     * Validates a request object whose caller has evaluated, with a pre-check that mirrors the object's constraint
     * annotations exactly, whether it satisfies all of them. When it does, the validator is not consulted; when
     * it does not, this is {@link #check(Object, String)}.
     *
     * @param request the object; {@code null} is rejected
     * @param what the name used in the message when the object itself is {@code null}
     * @param satisfiesConstraints the pre-check's verdict: {@code true} only if the validator would find no
     *     violation
     * @throws InvalidRequestError naming every field in violation, with status 400, no request id and 0 attempts
     */
    public static void check(Object request, String what, boolean satisfiesConstraints) {
        if (request != null && satisfiesConstraints) {
            return;
        }
        check(request, what);
    }

    /**
     * Jakarta's {@code @NotBlank}, as Hibernate Validator checks it: not {@code null}, and not empty once
     * {@link String#trim() trimmed} (some character above {@code U+0020}).
     *
     * @param value the value
     * @return whether {@code @NotBlank} holds
     */
    public static boolean notBlank(CharSequence value) {
        if (value == null) {
            return false;
        }
        for (int i = 0, n = value.length(); i < n; i++) {
            if (value.charAt(i) > ' ') {
                return true;
            }
        }
        return false;
    }

    /**
     * Jakarta's {@code @Size(max = max)} on a character sequence: {@code null} or at most {@code max} UTF-16 units.
     *
     * @param value the value
     * @param max the bound
     * @return whether {@code @Size(max = max)} holds
     */
    public static boolean sizeAtMost(CharSequence value, int max) {
        return value == null || value.length() <= max;
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
