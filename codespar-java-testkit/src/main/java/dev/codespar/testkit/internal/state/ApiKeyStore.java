package dev.codespar.testkit.internal.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The organisation's API keys; a created key is accepted by the fake at once. Guarded by the world's lock. */
public final class ApiKeyStore {

    /** One key. */
    public static final class ApiKey {
        /** Its id. */
        public final String id;
        /** Its name. */
        public final String name;
        /** The full key; only the create answer shows it. */
        public final String fullKey;
        /** {@code live} or {@code test}. */
        public final String environment;
        /** When it was created. */
        public final Instant createdAt;
        /** When it was last used, or {@code null}. */
        public Instant lastUsedAt;

        ApiKey(String id, String name, String fullKey, String environment, Instant createdAt) {
            this.id = id;
            this.name = name;
            this.fullKey = fullKey;
            this.environment = environment;
            this.createdAt = createdAt;
        }

        /** @return the first characters of the key, as the dashboard shows it */
        public String prefix() {
            return fullKey.substring(0, Math.min(fullKey.length(), fullKey.indexOf('_', 4) + 5));
        }

        /** @return the list row {@code id, name, prefix, created_at, last_used_at, revoked_at} */
        public ObjectNode row() {
            ObjectNode row = Json.object();
            row.put("id", id);
            row.put("name", name);
            row.put("prefix", prefix());
            row.put("created_at", Json.iso(createdAt));
            if (lastUsedAt == null) {
                row.putNull("last_used_at");
            } else {
                row.put("last_used_at", Json.iso(lastUsedAt));
            }
            row.putNull("revoked_at");
            return row;
        }
    }

    private final Map<String, ApiKey> byKey = new LinkedHashMap<>();
    private final World world;

    ApiKeyStore(World world) {
        this.world = world;
        reset();
    }

    void reset() {
        byKey.clear();
        int n = 0;
        for (String key : world.config.acceptedKeys()) {
            n++;
            String env = key.startsWith("csk_live_") ? "live" : "test";
            String suffix = n == 1 ? "" : String.valueOf(n);
            byKey.put(key, new ApiKey("key_fake" + suffix, ("FakeCodeSpar " + suffix).strip(), key, env,
                    world.config.clock().instant()));
        }
    }

    /**
     * Creates a key.
     *
     * @param name its name
     * @param environment {@code live} or {@code test}
     * @return the key
     */
    public ApiKey create(String name, String environment) {
        String full = "csk_" + environment + "_" + Ids.of("", 32);
        ApiKey k = new ApiKey(Ids.of("key_", 16), name, full, environment, world.now());
        byKey.put(full, k);
        return k;
    }

    /** @return every key, oldest first */
    public List<ApiKey> all() {
        return new ArrayList<>(byKey.values());
    }

    /**
     * The environment of a key, marking it used.
     *
     * @param key the bearer token
     * @param now the time of use
     * @return {@code live}/{@code test}, or {@code null} when unknown
     */
    String environmentOf(String key, Instant now) {
        ApiKey k = byKey.get(key);
        if (k == null) {
            return null;
        }
        k.lastUsedAt = now;
        return k.environment;
    }

    /** @param key a key the fake accepts; marks it used */
    public void touch(String key) {
        environmentOf(key, world.now());
    }

    /**
     * Its id, or {@code null}.
     *
     * @param key a bearer token
     * @return its id, or {@code null}
     */
    public String idOf(String key) {
        ApiKey k = byKey.get(key);
        return k == null ? null : k.id;
    }
}
