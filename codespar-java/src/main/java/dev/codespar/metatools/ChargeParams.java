package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An inbound charge: the buyer pays the merchant ({@code codespar_charge}). Distinct from {@code codespar_pay},
 * which sends money out.
 *
 * <p>{@code amount} is in <b>major</b> units (R$ 125.00 is {@code 125.00}), unlike {@code codespar_pay} and every
 * {@code *_minor} field.
 *
 * <pre>{@code
 * TypedToolResult<ChargeResult> r = MetaTools.of(session).charge(ChargeParams.pix(
 *         new BigDecimal("125.00"), "BRL", "Order 42", ChargeParams.Buyer.named("Ana Souza").withEmail("ana@example.com")));
 * }</pre>
 *
 * @param amount the amount in major units, positive
 * @param currency ISO-4217 code, e.g. {@code BRL}
 * @param method pix, boleto or card
 * @param description shown to the buyer
 * @param buyer who pays
 * @param dueDate boleto due date or Pix expiry, or {@code null}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargeParams(
        @NotNull @Positive BigDecimal amount,
        @NotBlank String currency,
        @NotNull Method method,
        @NotBlank String description,
        @NotNull @Valid Buyer buyer,
        LocalDate dueDate) {

    /**
     * A Pix charge.
     *
     * @param amount major units
     * @param currency e.g. {@code BRL}
     * @param description shown to the buyer
     * @param buyer who pays
     * @return the request
     */
    public static ChargeParams pix(BigDecimal amount, String currency, String description, Buyer buyer) {
        return new ChargeParams(amount, currency, Method.PIX, description, buyer, null);
    }

    /**
     * A boleto charge.
     *
     * @param amount major units
     * @param currency e.g. {@code BRL}
     * @param description shown to the buyer
     * @param buyer who pays (boletos usually need {@code document})
     * @param dueDate the due date
     * @return the request
     */
    public static ChargeParams boleto(BigDecimal amount, String currency, String description, Buyer buyer,
            LocalDate dueDate) {
        return new ChargeParams(amount, currency, Method.BOLETO, description, buyer, dueDate);
    }

    /**
     * A copy with a due date.
     *
     * @param date the due date (boleto) or expiry (Pix)
     * @return the new request
     */
    public ChargeParams withDueDate(LocalDate date) {
        return new ChargeParams(amount, currency, method, description, buyer, date);
    }

    /** How the buyer pays. */
    public enum Method {
        /** Pix (instant, Brazil). */
        @JsonProperty("pix")
        PIX,
        /** Boleto bancário. */
        @JsonProperty("boleto")
        BOLETO,
        /** Card. */
        @JsonProperty("card")
        CARD
    }

    /**
     * Who pays a charge.
     *
     * @param name full name
     * @param email e-mail, or {@code null}
     * @param document CPF or CNPJ, or {@code null}
     * @param phone phone number, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Buyer(@NotBlank String name, String email, String document, String phone) {

        /**
         * A buyer with only a name.
         *
         * @param name full name
         * @return the buyer
         */
        public static Buyer named(String name) {
            return new Buyer(name, null, null, null);
        }

        /**
         * A copy with an e-mail.
         *
         * @param value the e-mail
         * @return the new buyer
         */
        public Buyer withEmail(String value) {
            return new Buyer(name, value, document, phone);
        }

        /**
         * A copy with a CPF or CNPJ.
         *
         * @param value the document number
         * @return the new buyer
         */
        public Buyer withDocument(String value) {
            return new Buyer(name, email, value, phone);
        }

        /**
         * A copy with a phone number.
         *
         * @param value the phone
         * @return the new buyer
         */
        public Buyer withPhone(String value) {
            return new Buyer(name, email, document, value);
        }
    }
}
