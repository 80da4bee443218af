/**
 * The management API of an organisation: its projects, webhook triggers, stored provider connections, API keys,
 * and the catalogue of servers and tools. Each area is a service interface, obtained from the client
 * ({@code client.projects()}, {@code client.triggers()}, {@code client.orgConnections()}, {@code client.apiKeys()},
 * {@code client.servers()}, {@code client.tools()}); every call validates its input before the network and has an
 * {@code ...Async} twin. Answers are immutable records that keep the server's JSON in {@code raw()}; requests are
 * built with {@code Xxx.builder()...build()}.
 *
 * <pre>{@code
 * Project staging = client.projects().create(ProjectCreateParams.builder()
 *         .name("Checkout (staging)").slug("checkout-staging").environment(Environment.TEST).build());
 * Trigger trigger = client.triggers().create(TriggerCreateParams.builder()
 *         .name("Payments to ERP").event("payment.confirmed")
 *         .webhookUrl("https://erp.example.com/codespar/webhooks").build());
 * }</pre>
 *
 * <p>Lists answer a {@link dev.codespar.paging.Page}. Secrets (a trigger's signing secret, a new API key, a stored
 * credential) never appear in a {@code toString()}, in {@code raw()} or in a log line. To check the deliveries of
 * a trigger, see {@link dev.codespar.webhooks}.
 */
package dev.codespar.management;
