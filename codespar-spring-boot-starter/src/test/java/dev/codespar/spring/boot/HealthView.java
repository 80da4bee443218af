package dev.codespar.spring.boot;

import java.util.Map;

/** A health answer of either Boot line, as the tests read it. */
record HealthView(String status, Map<String, Object> details) {}
