package io.coupons.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP against a running side, as a given user (or anonymously with {@code user == null}).
 * Every answer is checked against the side's served OpenAPI description ({@link OpenApiContract}):
 * a test fails on any answer the description does not allow.
 */
public final class TestHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String user;
    private final String password;
    private final boolean contract;

    private TestHttp(String baseUrl, String user, String password, boolean contract) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.contract = contract;
    }

    public static TestHttp at(int port) {
        return new TestHttp("http://127.0.0.1:" + port, null, null, true);
    }

    public TestHttp as(String user) {
        return new TestHttp(baseUrl, user, TestUsers.PASSWORD, contract);
    }

    public TestHttp as(String user, String password) {
        return new TestHttp(baseUrl, user, password, contract);
    }

    /**
     * The same client without the contract check, for requests that are hostile below the level of
     * the API (a path the firewall refuses, a header Tomcat refuses): what answers those is not an
     * operation of the description.
     */
    public TestHttp withoutContract() {
        return new TestHttp(baseUrl, user, password, false);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A binary body (a ZIP); fails unless the answer is 200. */
    public byte[] bytes(String path) {
        try {
            HttpRequest request = request(path).GET().build();
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (contract) {
                OpenApiContract.check(request, response, response.body());
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = CLIENT.send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (contract) {
                OpenApiContract.check(request, response, response.body().getBytes(StandardCharsets.UTF_8));
            }
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
