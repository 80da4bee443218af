package dev.codespar.metatools;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a user's connection to a server, as the discovery and connection-wizard meta-tools report it. */
public enum ConnectionState {
    /** Connected and usable. */
    @JsonProperty("connected")
    CONNECTED,
    /** Not connected yet: start the connection wizard or a Connect Link. */
    @JsonProperty("disconnected")
    DISCONNECTED,
    /** The server needs no connection. */
    @JsonProperty("not_required")
    NOT_REQUIRED,
    /** Was connected; the credentials expired. */
    @JsonProperty("expired")
    EXPIRED,
    /** A state this SDK version does not know. */
    @JsonEnumDefaultValue
    UNKNOWN
}
