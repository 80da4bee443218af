package dev.codespar.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A LangChain4j {@link ChatModel} that answers from a script, one turn per request, and keeps every request it got:
 * AI Services drive it exactly as they drive a real model, with no network.
 */
final class ScriptedChatModel implements ChatModel {

    private final Deque<Function<ChatRequest, AiMessage>> script;
    private final List<ChatRequest> requests = new ArrayList<>();

    private ScriptedChatModel(List<Function<ChatRequest, AiMessage>> turns) {
        this.script = new ArrayDeque<>(turns);
    }

    @SafeVarargs
    static ScriptedChatModel of(Function<ChatRequest, AiMessage>... turns) {
        return new ScriptedChatModel(Arrays.asList(turns));
    }

    /** A turn that asks for tool calls: (id, name, arguments) triples. */
    static Function<ChatRequest, AiMessage> callTools(String... idNameArguments) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (int i = 0; i < idNameArguments.length; i += 3) {
            calls.add(ToolExecutionRequest.builder().id(idNameArguments[i]).name(idNameArguments[i + 1])
                    .arguments(idNameArguments[i + 2]).build());
        }
        return request -> AiMessage.from(calls);
    }

    /** A turn that answers with text quoting the last tool result the request carried. */
    static Function<ChatRequest, AiMessage> answerWithToolResult() {
        return request -> AiMessage.from("The tool said: " + lastToolResult(request).text());
    }

    /** A turn that answers with this text. */
    static Function<ChatRequest, AiMessage> answer(String text) {
        return request -> AiMessage.from(text);
    }

    static ToolExecutionResultMessage lastToolResult(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ToolExecutionResultMessage result) {
                return result;
            }
        }
        throw new AssertionError("the request carries no tool result: " + messages);
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        Function<ChatRequest, AiMessage> turn = script.poll();
        if (turn == null) {
            throw new AssertionError("the script has no turn left for request " + requests.size());
        }
        AiMessage message = turn.apply(request);
        return ChatResponse.builder().aiMessage(message).modelName("scripted")
                .finishReason(message.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    /** Every request the model got, in order. */
    synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    /** The tool results of every request, in order, as the model read them. */
    synchronized List<ToolExecutionResultMessage> toolResultsSeen() {
        List<ToolExecutionResultMessage> seen = new ArrayList<>();
        if (!requests.isEmpty()) {
            for (ChatMessage message : requests.get(requests.size() - 1).messages()) {
                if (message instanceof ToolExecutionResultMessage result) {
                    seen.add(result);
                }
            }
        }
        return seen;
    }

    /** Everything the model was sent, as text: to check that no secret is in it. */
    synchronized String everythingSeen() {
        StringBuilder all = new StringBuilder();
        for (ChatRequest request : requests) {
            all.append(request.messages()).append('\n').append(request.toolSpecifications()).append('\n');
        }
        return all.toString();
    }
}
