/**
 * The receiving side of webhook triggers: {@link dev.codespar.webhooks.Webhooks} checks that a delivery really
 * comes from CodeSpar (the hex HMAC-SHA256 of the raw body, keyed with the trigger's signing secret, in the
 * {@code X-CodeSpar-Signature} header) and parses it into a {@link dev.codespar.webhooks.WebhookEvent}. No API call
 * is made and nothing is logged; a delivery that does not verify throws
 * {@link dev.codespar.webhooks.WebhookVerificationException}.
 *
 * <pre>{@code
 * byte[] body = exchange.getRequestBody().readAllBytes();   // the raw bytes, before any JSON parsing
 * WebhookEvent event = Webhooks.constructEvent(body, Webhooks.signatureHeader(exchange.getRequestHeaders()),
 *         System.getenv("CODESPAR_WEBHOOK_SECRET"));
 * }</pre>
 */
package dev.codespar.webhooks;
