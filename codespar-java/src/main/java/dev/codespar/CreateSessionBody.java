package dev.codespar;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.codespar.internal.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/sessions}, in the key order the official SDKs write: {@code servers},
 * {@code user_id}, {@code mocks} (only when given), then {@code metadata} (only when non-empty).
 */
@JsonPropertyOrder({"servers", "user_id", "mocks", "metadata"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record CreateSessionBody(
        @JsonProperty("servers") List<String> servers,
        @JsonProperty("user_id") String userId,
        @JsonProperty("mocks") Map<String, Object> mocks,
        @JsonProperty("metadata") Map<String, String> metadata) {

    static CreateSessionBody of(String userId, SessionConfig config) {
        Map<String, String> metadata = config.metadata();
        return new CreateSessionBody(config.resolvedServers(), userId, config.mocks(),
                metadata == null || metadata.isEmpty() ? null : metadata);
    }

    /** The user id argument, validated on its own so that the message names {@code userId}. */
    record UserId(@NotBlank @Size(max = 128) String userId) {

        /** The constraints above, checked without the validator. */
        boolean satisfiesConstraints() {
            return Validation.notBlank(userId) && Validation.sizeAtMost(userId, 128);
        }
    }
}
