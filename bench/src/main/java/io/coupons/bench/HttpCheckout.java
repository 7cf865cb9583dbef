package io.coupons.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Checkout redeeming over real HTTP/1.1 (keep-alive, HTTP Basic on every request): POST
 * /api/redemptions to our command side, or the CRUD peer's path. 201 is {@code accepted}, 200
 * {@code repeated}, 422 the problem's code.
 */
final class HttpCheckout implements RedemptionWorkloads.Redeemer, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService executor = Executors.newFixedThreadPool(RedemptionWorkloads.CLIENTS, r -> {
        Thread thread = new Thread(r, "http-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String authorization;

    HttpCheckout(int port, String user, String password) {
        this(port, "/api/redemptions", user, password);
    }

    HttpCheckout(int port, String path, String user, String password) {
        this.uri = URI.create("http://127.0.0.1:" + port + path);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String redeem(int client, String code, String orderId) throws IOException, InterruptedException {
        HttpResponse<String> response = post(client, code, orderId);
        return switch (response.statusCode()) {
            case 201 -> "accepted";
            case 200 -> "repeated";
            case 422 -> {
                JsonNode problem = JSON.readTree(response.body());
                yield problem.path("code").asText("422");
            }
            default -> "http " + response.statusCode();
        };
    }

    /** The same request where only the status matters (the CRUD peer's HTTP floor): 200 is {@code ok}. */
    String status(int client, String code, String orderId) throws IOException, InterruptedException {
        int status = post(client, code, orderId).statusCode();
        return status == 200 ? "ok" : "http " + status;
    }

    private HttpResponse<String> post(int client, String code, String orderId)
            throws IOException, InterruptedException {
        String body = """
                {"code": "%s", "order": {"orderId": "%s", "accountId": "bench-account-%d", "subtotal": 100.00, \
                "currency": "USD", "lines": [{"variantId": "V1", "quantity": 1, "unitPrice": 100.00}]}}"""
                .formatted(code, orderId, client);
        return this.client.send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
