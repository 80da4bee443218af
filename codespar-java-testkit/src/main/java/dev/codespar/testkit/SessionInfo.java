package dev.codespar.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the fake knows about one session, for assertions ({@link FakeCodeSpar#session(String)}).
 *
 * @param id the session id
 * @param userId the {@code user_id} it was created for
 * @param projectId the project it belongs to ({@code x-codespar-project}, else the fake's default project)
 * @param servers the servers, in the order given at create
 * @param status {@code active}, {@code closed} or {@code expired}
 * @param connections server id → whether it is connected, in the order of {@code servers}
 * @param mocked whether it answers tools from test-mode mocks only
 * @param createdAt when it was created (the fake's clock)
 * @param lastActivity its last tool call (the fake's clock); idle expiry counts from here
 */
public record SessionInfo(
        String id,
        String userId,
        String projectId,
        List<String> servers,
        String status,
        Map<String, Boolean> connections,
        boolean mocked,
        Instant createdAt,
        Instant lastActivity) {}
