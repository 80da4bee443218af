package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The tools that fit a use case ({@code codespar_discover}).
 *
 * @param useCase the use case, echoed
 * @param searchStrategy how the match was found
 * @param recommended the best match, or {@code null}
 * @param related other matches, or {@code null}
 * @param nextSteps what to do next, in plain words, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DiscoverResult(
        String useCase,
        SearchStrategy searchStrategy,
        Match recommended,
        List<Match> related,
        List<String> nextSteps) {

    /** Which search served the result; embedding beats trigram in quality. */
    public enum SearchStrategy {
        /** Semantic search. */
        @JsonProperty("embedding")
        EMBEDDING,
        /** Text similarity. */
        @JsonProperty("trigram")
        TRIGRAM,
        /** Nothing matched. */
        @JsonProperty("empty")
        EMPTY,
        /** A strategy this SDK version does not know. */
        @JsonEnumDefaultValue
        UNKNOWN
    }

    /**
     * A tool that matches.
     *
     * @param serverId the server, e.g. {@code nuvem-fiscal}
     * @param toolName the tool
     * @param description what it does
     * @param httpMethod the provider method
     * @param endpointTemplate the provider path template
     * @param cosineDistance the semantic distance, or {@code null}
     * @param trigramSimilarity the text similarity, or {@code null}
     * @param connectionStatus whether the user's connection to the server is ready
     * @param knownPitfalls what tends to go wrong, or {@code null}
     * @param recommendedPlan the steps to follow, or {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Match(String serverId, String toolName, String description, String httpMethod,
            String endpointTemplate, Double cosineDistance, Double trigramSimilarity,
            ConnectionState connectionStatus, List<String> knownPitfalls, List<PlanStep> recommendedPlan) {}

    /**
     * A step of a recommended plan.
     *
     * @param step the step
     * @param description details, or {@code null}
     * @param prereq whether it is a prerequisite, or {@code null}
     * @param action whether it is an action to take, or {@code null}
     */
    public record PlanStep(String step, String description, Boolean prereq, Boolean action) {}
}
