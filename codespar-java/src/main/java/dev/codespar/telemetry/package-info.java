/**
 * Call telemetry: a {@link dev.codespar.telemetry.CallObserver} given to the client builder sees every API call start
 * and end (method, path template, status, error code, attempts, request id, duration), never the key.
 */
package dev.codespar.telemetry;
