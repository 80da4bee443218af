package dev.codespar.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The settings a {@link FakeCodeSpar} was built with. */
record FakeConfig(
        String apiKey,
        Duration heartbeatInterval,
        Duration doneDelay,
        Duration sessionIdleTimeout,
        Clock clock,
        Set<String> requireConnection,
        int connectAfterPolls,
        boolean strictTestMode,
        Catalog catalog,
        Duration autoSettle) {}
