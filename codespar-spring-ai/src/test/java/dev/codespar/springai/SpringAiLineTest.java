package dev.codespar.springai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.core.SpringVersion;

/** The Spring AI line these tests run on is the one the build says: 2.0 here, 1.1 in the compatibility build. */
class SpringAiLineTest {

    @Test
    void theClassPathHasTheExpectedSpringAiAndSpringFramework() {
        String springAi = System.getProperty("codespar.test.spring-ai");
        String framework = System.getProperty("codespar.test.spring-framework");
        assertThat(springAi).as("set by the build").isNotBlank();

        String jar = ToolCallback.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("/spring-ai-model-" + springAi + ".jar");
        assertThat(SpringVersion.getVersion()).isEqualTo(framework);
        assertThat(ScriptedChatModel.SpringAiLine.registersToolLoop()).isEqualTo(springAi.startsWith("2."));
    }
}
