package dev.codespar.testkit.internal.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codespar.testkit.internal.wire.Ids;
import dev.codespar.testkit.internal.wire.Json;
import java.util.Set;

/** {@code codespar_notify}: a WhatsApp, email or SMS message, from a template or a text. */
final class NotifyTool implements MetaTool {

    private static final Set<String> CHANNELS = Set.of("whatsapp", "email", "sms");

    @Override
    public JsonNode run(MetaCall call) {
        String channel = call.oneOf("channel", CHANNELS, null);
        String to = call.required("to");
        if (Json.string(call.input(), "template") == null && Json.string(call.input(), "message") == null) {
            throw new ToolInputError("template or message is required");
        }
        if (channel.equals("email") ? !to.contains("@") : !to.replaceAll("[\\s()+-]", "").matches("\\d{8,15}")) {
            throw new ToolInputError("to is not a valid " + (channel.equals("email") ? "email address"
                    : "phone number") + " for " + channel);
        }
        ObjectNode data = Json.object();
        data.put("id", Ids.of("msg_", 16));
        data.put("status", "sent");
        data.put("channel", channel);
        data.put("to", to);
        return data;
    }
}
