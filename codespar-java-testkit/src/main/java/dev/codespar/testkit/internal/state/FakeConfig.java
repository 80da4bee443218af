package dev.codespar.testkit.internal.state;

import dev.codespar.testkit.Dialect;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The settings a fake was built with.
 *
 * @param dialect which server it impersonates
 * @param apiKey the key of its own clients
 * @param acceptedKeys every key it accepts ({@code apiKey} included)
 * @param heartbeatInterval status-stream heartbeat period
 * @param doneDelay wait between a terminal status update and {@code done}
 * @param sessionIdleTimeout hosted session idle expiry
 * @param clock the base clock
 * @param requireConnection servers that start disconnected
 * @param connectAfterPolls connections poll that connects everything, 0 for never
 * @param strictTestMode whether every test-key session answers from mocks only
 * @param catalog the server catalogue
 * @param autoSettle delay after which payments and verifications settle by themselves, or {@code null}
 * @param agentKeys agent DID → raw Ed25519 public key, hex
 * @param journalLimit how many requests the journal keeps (oldest dropped first), 0 for all
 * @param runtimeTestMode the runtime dialect's {@code CODESPAR_TEST_MODE_ENABLED}
 * @param runtimeMetaTools whether the runtime dialect has the meta-tools registered (as plugins)
 * @param controlApi whether {@code /_fake/...} control routes are served (a fake run as a process)
 */
public record FakeConfig(
        Dialect dialect,
        String apiKey,
        Set<String> acceptedKeys,
        Duration heartbeatInterval,
        Duration doneDelay,
        Duration sessionIdleTimeout,
        Clock clock,
        Set<String> requireConnection,
        int connectAfterPolls,
        boolean strictTestMode,
        Catalog catalog,
        Duration autoSettle,
        Map<String, String> agentKeys,
        int journalLimit,
        boolean runtimeTestMode,
        boolean runtimeMetaTools,
        boolean controlApi) {}
