package io.jwtauth.bootstrap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends many logins at once, each on its own connection, and collects every answer. */
final class LoginBurst {

    private LoginBurst() {
    }

    static List<HttpResponse<String>> send(URI server, String form, int logins) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(server.resolve("/api/token/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers.stream().map(CompletableFuture::join).toList();
    }
}
