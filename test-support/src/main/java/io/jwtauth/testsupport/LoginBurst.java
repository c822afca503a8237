package io.jwtauth.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Sends many logins at once, each on its own connection, and collects every answer: for tests of the bounded
 * password-hashing pool, and as a program for perf/http/measure-login-memory.sh
 * ({@code java -cp test-support.jar io.jwtauth.testsupport.LoginBurst URL USERNAME PASSWORD N}), which prints how many
 * answers had which status (-1: none came).
 */
public final class LoginBurst {

    private LoginBurst() {
    }

    public static List<HttpResponse<String>> send(URI server, String form, int logins) {
        return sendAsync(server, form, logins).stream().map(CompletableFuture::join).toList();
    }

    private static List<CompletableFuture<HttpResponse<String>>> sendAsync(URI server, String form, int logins) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(server.resolve("/api/token/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofMinutes(2))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        return answers;
    }

    public static void main(String[] args) {
        URI server = URI.create(args[0]);
        String form = "username=" + args[1] + "&password=" + args[2];
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : sendAsync(server, form, Integer.parseInt(args[3]))) {
            statuses.merge(answer.thenApply(HttpResponse::statusCode).exceptionally(failure -> -1).join(), 1, Integer::sum);
        }
        System.out.println("answers by status (-1: no answer): " + statuses);
    }
}
