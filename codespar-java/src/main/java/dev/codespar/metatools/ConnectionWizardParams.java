package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Pattern;

/**
 * A question to the connection wizard ({@code codespar_manage_connections}): list every server's connection
 * state, read one, or get the steps (and connect URL) to connect one.
 *
 * <pre>{@code
 * ConnectionWizardResult w = MetaTools.of(session).connectionWizard(ConnectionWizardParams.initiate("asaas"))
 *         .output().orElseThrow();
 * sendToUser(w.initiate().connectUrl());
 * }</pre>
 *
 * @param action list, status or initiate; {@code null} lets the server choose (status with a server, else list)
 * @param serverId the server, or {@code null}
 * @param country filter by country, or {@code null}
 * @param environment live or test, or {@code null}
 * @param returnTo a dashboard path ({@code /dashboard/...}) to return to after connecting (initiate), or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionWizardParams(
        Action action,
        String serverId,
        String country,
        Environment environment,
        @Pattern(regexp = "^/dashboard(/.*)?$", message = "must be a /dashboard/... path") String returnTo) {

    /**
     * Every server's connection state.
     *
     * @return the request
     */
    public static ConnectionWizardParams list() {
        return new ConnectionWizardParams(Action.LIST, null, null, null, null);
    }

    /**
     * One server's connection state.
     *
     * @param serverId the server
     * @return the request
     */
    public static ConnectionWizardParams status(String serverId) {
        return new ConnectionWizardParams(Action.STATUS, serverId, null, null, null);
    }

    /**
     * The steps and the URL to connect a server.
     *
     * @param serverId the server
     * @return the request
     */
    public static ConnectionWizardParams initiate(String serverId) {
        return new ConnectionWizardParams(Action.INITIATE, serverId, null, null, null);
    }

    /**
     * A copy filtered by country.
     *
     * @param value e.g. {@code BR}
     * @return the new request
     */
    public ConnectionWizardParams withCountry(String value) {
        return new ConnectionWizardParams(action, serverId, value, environment, returnTo);
    }

    /**
     * A copy for an environment.
     *
     * @param value live or test
     * @return the new request
     */
    public ConnectionWizardParams withEnvironment(Environment value) {
        return new ConnectionWizardParams(action, serverId, country, value, returnTo);
    }

    /**
     * A copy with the dashboard path to return to after connecting.
     *
     * @param value a {@code /dashboard/...} path
     * @return the new request
     */
    public ConnectionWizardParams withReturnTo(String value) {
        return new ConnectionWizardParams(action, serverId, country, environment, value);
    }

    /** What to ask. */
    public enum Action {
        /** Every server. */
        @JsonProperty("list")
        LIST,
        /** One server. */
        @JsonProperty("status")
        STATUS,
        /** How to connect one server. */
        @JsonProperty("initiate")
        INITIATE
    }

    /** Which credentials. */
    public enum Environment {
        /** Production credentials. */
        @JsonProperty("live")
        LIVE,
        /** Sandbox credentials. */
        @JsonProperty("test")
        TEST
    }
}
