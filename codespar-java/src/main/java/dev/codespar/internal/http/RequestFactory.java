package dev.codespar.internal.http;

import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;

/** Turns an {@link ApiRequest} into the OkHttp request of one attempt. */
final class RequestFactory {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpUrl baseUrl;
    private final String projectId;
    private final Authentication authentication;

    RequestFactory(HttpUrl baseUrl, String projectId, Authentication authentication) {
        this.baseUrl = baseUrl;
        this.projectId = projectId;
        this.authentication = authentication;
    }

    /**
     * The OkHttp request: {@code <base>/v1/<segments>} (each segment percent-encoded), the query, the JSON body,
     * {@code Accept}, the key and the project ({@code x-codespar-project}: the request's own, else the client's).
     *
     * @param tracker marks the attempt sent once its request has been written whole
     * @param extraHeaders headers of the caller's options, added first so that the SDK's own ones win
     */
    Request build(ApiRequest request, RequestSent tracker, Map<String, String> extraHeaders) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment("v1");
        for (String segment : request.segments()) {
            url.addPathSegment(segment);
        }
        for (Map.Entry<String, String> q : request.query().entrySet()) {
            url.addQueryParameter(q.getKey(), q.getValue());
        }
        byte[] body = request.bodyBytes();
        Request.Builder builder = new Request.Builder();
        extraHeaders.forEach(builder::header);
        builder.url(url.build())
                .method(request.method(), body == null ? null : RequestSent.body(body, JSON_TYPE, tracker))
                .header("Accept", request.accept())
                .tag(RequestSent.class, tracker)
                .tag(ApiRequest.class, request);
        authentication.apply(builder);
        String project = request.projectId() != null ? request.projectId() : projectId;
        if (project != null) {
            builder.header("x-codespar-project", project);
        }
        return builder.build();
    }
}
