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
 * Fires N logins at once, each on its own connection, and prints how many got which status. Run with the JDK's
 * single-file launcher: java LoginBurstClient.java URL USERNAME PASSWORD N
 */
public class LoginBurstClient {
    public static void main(String[] args) {
        URI token = URI.create(args[0]).resolve("/api/token/");
        String form = "username=" + args[1] + "&password=" + args[2];
        int logins = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(token)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofMinutes(5))
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode)
                    .exceptionally(failure -> -1));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(answer -> statuses.merge(answer.join(), 1, Integer::sum));
        System.out.println("answers by status (-1: no answer): " + statuses);
    }
}
