/**
 * Offline verification of CodeSpar mandate presentation tokens, with Ed25519 public keys and no API call.
 *
 * <pre>{@code
 * MandateVerification check = Mandates.verify(token, MandateKeys.of(agentKeyHex, issuerKeyHex));
 * if (check.verifiedAt(Clock.systemUTC())) {
 *     Mandate mandate = check.mandate();   // amount, currency, purposes, agent...
 * }
 * }</pre>
 *
 * <p>{@link dev.codespar.mandate.Mandates} decodes, computes the signing string, and verifies;
 * {@link dev.codespar.mandate.MandateKeys} holds the keys; {@link dev.codespar.mandate.DidDocuments} reads keys out
 * of DID documents, and {@link dev.codespar.mandate.AgentDidResolver} fetches an agent's document from the API.
 */
package dev.codespar.mandate;
