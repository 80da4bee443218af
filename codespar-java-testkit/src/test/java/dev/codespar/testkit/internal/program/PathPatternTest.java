package dev.codespar.testkit.internal.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void oneStarIsOneSegment() {
        assertThat(PathPattern.matches("/v1/sessions/*/execute", "/v1/sessions/ses_1/execute")).isTrue();
        assertThat(PathPattern.matches("/v1/sessions/*/execute", "/v1/sessions/a/b/execute")).isFalse();
        assertThat(PathPattern.matches("/v1/sessions/*", "/v1/sessions/ses_1")).isTrue();
        assertThat(PathPattern.matches("/v1/sessions/*", "/v1/sessions/ses_1/execute")).isFalse();
        assertThat(PathPattern.matches("/v1/sessions/ses_*", "/v1/sessions/ses_1")).isTrue();
    }

    @Test
    void twoStarsAreAnyRest() {
        assertThat(PathPattern.matches("/v1/**", "/v1/tool-calls/tc_1/payment-status/stream")).isTrue();
        assertThat(PathPattern.matches("/v1/**/stream", "/v1/tool-calls/tc_1/payment-status/stream")).isTrue();
        assertThat(PathPattern.matches("/v1/**/stream", "/v1/tool-calls/tc_1/payment-status")).isFalse();
    }

    @Test
    void literalsMatchExactly() {
        assertThat(PathPattern.matches("/v1/sessions", "/v1/sessions")).isTrue();
        assertThat(PathPattern.matches("/v1/sessions", "/v1/sessions/")).isFalse();
        assertThat(PathPattern.matches("/v1/sessions", null)).isFalse();
    }
}
