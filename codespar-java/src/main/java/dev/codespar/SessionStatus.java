package dev.codespar;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a session as the server reported it when the session was created. */
public enum SessionStatus {
    /** Open: tools can be called. */
    @JsonProperty("active")
    ACTIVE,
    /** Closed by the caller or expired. */
    @JsonProperty("closed")
    CLOSED,
    /** The server could not set the session up. */
    @JsonProperty("error")
    ERROR,
    /** A status this SDK version does not know, or none. */
    @JsonEnumDefaultValue
    UNKNOWN;

    static SessionStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        switch (value) {
            case "active":
                return ACTIVE;
            case "closed":
                return CLOSED;
            case "error":
                return ERROR;
            default:
                return UNKNOWN;
        }
    }
}
