package dev.codespar;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of one tool call made by the agent during {@code send} or {@code sendStream}. */
public enum ToolCallStatus {
    /** The tool did its work. */
    @JsonProperty("success")
    SUCCESS,
    /** The tool failed; see {@link ToolCallRecord#errorCode()}. */
    @JsonProperty("error")
    ERROR,
    /** Still running when the record was written. */
    @JsonProperty("running")
    RUNNING,
    /** A status this SDK version does not know, or none. */
    @JsonEnumDefaultValue
    UNKNOWN;

    static ToolCallStatus parse(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        switch (value) {
            case "success":
                return SUCCESS;
            case "error":
                return ERROR;
            case "running":
                return RUNNING;
            default:
                return UNKNOWN;
        }
    }
}
