package dev.codespar.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The starter's jar describes its properties to IDEs, each with its type and a description. */
class ConfigurationMetadataTest {

    @Test
    void describesEveryCodesparProperty() throws Exception {
        JsonNode metadata;
        try (InputStream in = CodeSparProperties.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }

        assertThat(metadata.path("properties")).extracting(p -> p.path("name").asText() + ":" + p.path("type").asText())
                .containsExactlyInAnyOrder("codespar.api-key:java.lang.String", "codespar.base-url:java.lang.String",
                        "codespar.project-id:java.lang.String", "codespar.max-retries:java.lang.Integer",
                        "codespar.timeout:java.time.Duration");
        assertThat(metadata.path("properties")).allSatisfy(p -> assertThat(p.path("description").asText())
                .isNotBlank().doesNotContain("{@"));
    }
}
