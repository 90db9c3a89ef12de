package dev.kept.scim;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.Future;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;

/**
 * The SCIM 2 SDK's client, as an identity provider drives the server: JAX-RS (Jersey) with the
 * SDK's own JSON mapper, over the JDK's HTTP client (Jersey's default connector cannot send PATCH).
 */
final class ScimClients {

    private ScimClients() {}

    static ScimService connect(String baseUrl, String token) {
        ClientConfig config = new ClientConfig().connectorProvider((client, configuration) -> new JdkConnector());
        Client client = ClientBuilder.newClient(config)
                .register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
                .register((ClientRequestFilter)
                        request -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        return new ScimService(client.target(baseUrl));
    }

    /** Jersey requests sent with {@link HttpClient}, synchronously. */
    static final class JdkConnector implements Connector {

        private static final Set<String> RESTRICTED =
                Set.of("connection", "content-length", "expect", "host", "upgrade");

        private final HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        @Override
        public ClientResponse apply(ClientRequest request) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                if (request.hasEntity()) {
                    request.setStreamProvider(length -> body);
                    request.writeEntity();
                }
                HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri())
                        .method(
                                request.getMethod(),
                                body.size() == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
                request.getStringHeaders().forEach((name, values) -> {
                    if (!RESTRICTED.contains(name.toLowerCase())) {
                        values.forEach(value -> builder.header(name, value));
                    }
                });
                HttpResponse<byte[]> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                ClientResponse response = new ClientResponse(status(answer.statusCode()), request);
                answer.headers().map().forEach((name, values) -> {
                    if (!name.startsWith(":")) {
                        values.forEach(value -> response.header(name, value));
                    }
                });
                response.setEntityStream(new ByteArrayInputStream(answer.body()));
                return response;
            } catch (IOException e) {
                throw new ProcessingException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessingException(e);
            }
        }

        private static Response.StatusType status(int code) {
            Response.Status known = Response.Status.fromStatusCode(code);
            if (known != null) {
                return known;
            }
            return new Response.StatusType() {
                @Override
                public int getStatusCode() {
                    return code;
                }

                @Override
                public Response.Status.Family getFamily() {
                    return Response.Status.Family.familyOf(code);
                }

                @Override
                public String getReasonPhrase() {
                    return "";
                }
            };
        }

        @Override
        public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
            throw new UnsupportedOperationException("only synchronous requests");
        }

        @Override
        public String getName() {
            return "JDK HttpClient";
        }

        @Override
        public void close() {}
    }
}
