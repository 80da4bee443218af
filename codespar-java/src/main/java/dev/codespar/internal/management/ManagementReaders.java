package dev.codespar.internal.management;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codespar.internal.http.HttpTransport;
import dev.codespar.internal.http.JsonReaders;
import dev.codespar.internal.json.JsonFields;
import dev.codespar.management.ApiKey;
import dev.codespar.management.CatalogServer;
import dev.codespar.management.CatalogTool;
import dev.codespar.management.Environment;
import dev.codespar.management.OrgConnection;
import dev.codespar.management.Project;
import dev.codespar.management.Trigger;
import java.util.function.Function;

/**
 * Tolerant readers of the management records: a missing, {@code null} or wrong-typed field reads as absent, an
 * object may arrive bare or wrapped ({@code {"project": {...}}}), and secret fields never reach {@code raw()}.
 */
final class ManagementReaders {

    /** Fields that hold a trigger's signing secret, dropped from raw objects and error bodies. */
    static final String[] TRIGGER_SECRETS = {"secret", "signing_secret"};

    /** Fields that hold a full API key, dropped from raw objects and error bodies. */
    static final String[] API_KEY_SECRETS = {"full_key", "key"};

    /** No secret fields: an object whose answer may be quoted whole in an error. */
    static final String[] NO_SECRETS = {};

    /** Fields that may hold a stored credential, dropped from raw objects and error bodies. */
    static final String[] CONNECTION_SECRETS = {"secret", "secrets"};

    private ManagementReaders() {}

    /**
     * Reads a single-object answer: unwraps it, requires its key field (the error's body without the secrets), and
     * converts it.
     */
    static <T> HttpTransport.ResponseReader<T> single(String ownKey, String[] secrets, Function<JsonNode, T> item,
            String... wrappers) {
        return JsonReaders.answer().map(answer -> {
            JsonNode json = JsonFields.unwrapKeyed(ownKey, answer.json(), wrappers);
            JsonReaders.requireText(answer, json, ownKey, secrets);
            return item.apply(json);
        });
    }

    static Environment environment(String value) {
        if ("live".equals(value)) {
            return Environment.LIVE;
        }
        if ("test".equals(value)) {
            return Environment.TEST;
        }
        return Environment.UNKNOWN;
    }

    static Project project(JsonNode json) {
        Boolean isDefault = JsonFields.bool(json, "is_default");
        return new Project(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "org_id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "slug"),
                isDefault != null && isDefault,
                environment(JsonFields.text(json, "environment")),
                JsonFields.instant(json, "created_at"),
                json);
    }

    /** A trigger; {@code fallbackId} fills the id of a rotation answer that does not repeat it. */
    static Trigger trigger(JsonNode json, String fallbackId) {
        return new Trigger(
                JsonFields.textOr(json, "id", fallbackId),
                JsonFields.text(json, "org_id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "event"),
                JsonFields.text(json, "server_id"),
                JsonFields.text(json, "webhook_url"),
                JsonFields.text(json, "status"),
                JsonFields.bool(json, "signing_enabled"),
                JsonFields.firstText(json, "secret", "signing_secret"),
                JsonFields.instant(json, "created_at"),
                JsonFields.without(json, TRIGGER_SECRETS));
    }

    static ApiKey apiKey(JsonNode json) {
        return new ApiKey(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "prefix"),
                JsonFields.firstText(json, "full_key", "key"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "last_used_at"),
                JsonFields.instant(json, "revoked_at"),
                JsonFields.text(json, "warning"),
                JsonFields.without(json, API_KEY_SECRETS));
    }

    /** A connection; {@code rotated} when the create answer was a 200 (an existing connection's new secret). */
    static OrgConnection orgConnection(JsonNode json, boolean rotated) {
        return new OrgConnection(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "server_id"),
                JsonFields.text(json, "display_name"),
                JsonFields.text(json, "user_id"),
                JsonFields.text(json, "status"),
                JsonFields.firstNode(json, "connection_metadata"),
                JsonFields.instant(json, "created_at"),
                rotated,
                JsonFields.without(json, CONNECTION_SECRETS));
    }

    static CatalogServer catalogServer(JsonNode json) {
        return new CatalogServer(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "description"),
                JsonFields.text(json, "category"),
                JsonFields.text(json, "country"),
                JsonFields.text(json, "auth_type"),
                JsonFields.text(json, "status"),
                json);
    }

    static CatalogTool catalogTool(JsonNode json) {
        return new CatalogTool(
                JsonFields.text(json, "name"),
                JsonFields.firstText(json, "server", "server_id"),
                JsonFields.text(json, "description"),
                JsonFields.firstNode(json, "input_schema", "inputSchema"),
                json);
    }
}
