package dev.codespar.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.management.Environment;
import java.util.List;

/**
 * Who an API key belongs to, from {@link ConsumerService#whoami()}: {@code {user, organization, project, key}}.
 * Fields the server does not send are {@code null}.
 *
 * <pre>{@code
 * WhoAmI me = client.consumers().whoami();
 * System.out.println(me.userEmail() + " @ " + me.organizationName() + " / " + me.projectName()
 *         + " (" + me.environment() + ", scopes " + me.scopes() + ")");
 * }</pre>
 *
 * @param userId the user
 * @param userEmail the user's email
 * @param userName the user's name
 * @param organizationId the organisation
 * @param organizationName its name
 * @param projectId the project the key acts in
 * @param projectName its name
 * @param keyId the key's id (never the key itself)
 * @param keyEnvironment the key's environment as sent ({@code live}, {@code test}), or {@code null}; see
 *     {@link #environment()}
 * @param scopes what the key may do, e.g. {@code sessions:create}
 * @param raw the answer as the server sent it
 */
public record WhoAmI(String userId, String userEmail, String userName, String organizationId,
        String organizationName, String projectId, String projectName, String keyId, String keyEnvironment,
        List<String> scopes, JsonNode raw) {

    /** Copies the list. */
    public WhoAmI {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /**
     * The key's environment.
     *
     * @return {@link Environment#LIVE} or {@link Environment#TEST}; {@link Environment#UNKNOWN} when absent or new
     */
    public Environment environment() {
        for (Environment e : Environment.values()) {
            if (e.wireValue() != null && e.wireValue().equals(keyEnvironment)) {
                return e;
            }
        }
        return Environment.UNKNOWN;
    }

    /**
     * Whether the key has a scope.
     *
     * @param scope e.g. {@code tools:execute}
     * @return {@code true} when listed
     */
    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
