package com.example.compliance.finding;

import com.example.compliance.support.ApiContract;
import com.example.compliance.support.IntegrationTest.Credentials;
import com.example.compliance.support.IntegrationTest.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** Sends files to the import endpoint as a raw body or as a multipart part, as a script would. */
final class ImportClient {

    static final Path SAMPLES = Path.of(System.getProperty("samples.dir", "../shared/samples"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ImportClient() {}

    static Response post(int port, Credentials who, String path, byte[] body, String contentType) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(port, builder.build());
    }

    static Response postMultipart(int port, Credentials who, String path, String fileName, byte[] content) {
        String boundary = "----findings" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return post(port, who, path, body, "multipart/form-data; boundary=" + boundary);
    }

    private static Response send(int port, HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // The file is not kept for the check: the answer is validated against the document, the upload is not
            ApiContract.check(port, ApiContract.Exchange.answerOnly(request.method(), request.uri().getPath(),
                    response.statusCode(), contentType, response.body()));
            return new Response(response.statusCode(), response.body(), contentType,
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
