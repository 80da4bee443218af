package dev.codespar.plans;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan that cannot run as written is refused while it is built. */
class ToolPlanBuilderTest {

    @Test
    void stepsNeedAUniqueNameAToolAndArguments() {
        assertThatThrownBy(() -> ToolPlan.builder().step(" ", "codespar_pay", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a step needs a name");
        assertThatThrownBy(() -> ToolPlan.builder().step("pay", "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("step pay needs a tool");
        assertThatThrownBy(() -> ToolPlan.builder().step("pay", "codespar_pay", Map.of()).step("pay", "x", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the plan already has a step named pay");
        assertThatThrownBy(() -> ToolPlan.builder().step("pay", "codespar_pay", (Map<String, ?>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aConditionBelongsToAStep() {
        assertThatThrownBy(() -> ToolPlan.builder().when(done -> true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("add a step first");
        assertThatThrownBy(() -> ToolPlan.builder().step("a", "t", Map.of()).when(done -> true).when(done -> false))
                .isInstanceOf(IllegalStateException.class).hasMessage("step a has a condition already");
    }

    @Test
    void retriesAreBounded() {
        assertThatThrownBy(() -> ToolPlan.builder().retries(-1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetries must be 0 to 10");
        assertThatThrownBy(() -> ToolPlan.builder().retries(11, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ToolPlan.builder().retries(1, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between zero and one minute");
        assertThatThrownBy(() -> ToolPlan.builder().retries(1, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPlanNeedsAStep() {
        assertThatThrownBy(() -> ToolPlan.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("a plan needs at least one step");
    }
}
