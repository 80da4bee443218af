package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * A catalog search for the tool that fits a use case ({@code codespar_discover}).
 *
 * <pre>{@code
 * DiscoverResult d = MetaTools.of(session).discover(DiscoverParams.of("emitir nota fiscal de serviço").withCountry("BR"))
 *         .output().orElseThrow();
 * }</pre>
 *
 * @param useCase the task in plain words
 * @param category a catalog category, or {@code null}
 * @param country an ISO country code, or {@code null}
 * @param limit how many related tools (the server clamps to 1..20), or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscoverParams(@NotBlank String useCase, String category, String country, @Positive Integer limit) {

    /**
     * A search by use case only.
     *
     * @param useCase the task in plain words
     * @return the request
     */
    public static DiscoverParams of(String useCase) {
        return new DiscoverParams(useCase, null, null, null);
    }

    /**
     * A copy restricted to a category.
     *
     * @param value the category
     * @return the new request
     */
    public DiscoverParams withCategory(String value) {
        return new DiscoverParams(useCase, value, country, limit);
    }

    /**
     * A copy restricted to a country.
     *
     * @param value e.g. {@code BR}
     * @return the new request
     */
    public DiscoverParams withCountry(String value) {
        return new DiscoverParams(useCase, category, value, limit);
    }

    /**
     * A copy with a result cap.
     *
     * @param value 1..20
     * @return the new request
     */
    public DiscoverParams withLimit(Integer value) {
        return new DiscoverParams(useCase, category, country, value);
    }
}
