package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The connection wizard's answer ({@code codespar_manage_connections}); which field is set depends on the action.
 *
 * @param action the action the server performed ({@code list}, {@code status}, {@code initiate}, or newer)
 * @param connections every server's state (list), or {@code null}
 * @param status one server's state (status), or {@code null}
 * @param initiate how to connect a server (initiate), or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConnectionWizardResult(String action, List<Row> connections, Row status, Instructions initiate) {

    /** How hard a connection is to set up. */
    public enum Difficulty {
        /** A click or two. */
        @JsonProperty("easy")
        EASY,
        /** Some secrets to copy. */
        @JsonProperty("medium")
        MEDIUM,
        /** Certificates or several steps. */
        @JsonProperty("hard")
        HARD,
        /** A value this SDK version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /**
     * A server's connection state.
     *
     * @param serverId the server
     * @param displayName its display name
     * @param authType how it authenticates, e.g. {@code oauth}
     * @param status the connection state
     * @param difficulty how hard it is to connect
     * @param connectionMetadata provider details of the connection, or {@code null}
     * @param connectedAt when it was connected, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Row(String serverId, String displayName, String authType, ConnectionState status,
            Difficulty difficulty, JsonNode connectionMetadata, Instant connectedAt) {}

    /**
     * The steps to connect a server.
     *
     * @param serverId the server
     * @param displayName its display name
     * @param authType how it authenticates
     * @param difficulty how hard it is
     * @param status its current state
     * @param connectUrl where the user connects it
     * @param instructions the steps, in order
     * @param requiredSecrets the secrets the user must provide
     * @param knownPitfalls what tends to go wrong
     * @param nextAction what to do next
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Instructions(String serverId, String displayName, String authType, Difficulty difficulty,
            ConnectionState status, String connectUrl, List<String> instructions, List<Secret> requiredSecrets,
            List<String> knownPitfalls, String nextAction) {}

    /**
     * A secret the user must provide.
     *
     * @param name its name
     * @param hint where to find it, or {@code null}
     */
    public record Secret(String name, String hint) {}
}
