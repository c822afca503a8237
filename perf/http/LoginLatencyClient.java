import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times failed logins of each kind, one request at a time and the kinds interleaved, so that load and warm-up touch
 * every kind alike; prints each kind's status and median and 90th-percentile latency. Run with the JDK's
 * single-file launcher: java LoginLatencyClient.java URL ROUNDS
 */
public class LoginLatencyClient {
    public static void main(String[] args) throws Exception {
        URI token = URI.create(args[0]).resolve("/api/token/");
        int rounds = Integer.parseInt(args[1]);
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("wrong password", "username=known&password=wrong-password");
        kinds.put("unknown user", "username=nobody-at-all&password=wrong-password");
        kinds.put("inactive user", "username=sleeper&password=sleeper-password");
        kinds.put("impossible name", "username=not+a+name%3B&password=wrong-password");
        Map<String, List<Long>> micros = new LinkedHashMap<>();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int round = -5; round < rounds; round++) {
            for (Map.Entry<String, String> kind : kinds.entrySet()) {
                HttpRequest request = HttpRequest.newBuilder(token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(kind.getValue())).build();
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                long elapsed = (System.nanoTime() - start) / 1_000;
                if (round >= 0) {
                    micros.computeIfAbsent(kind.getKey(), key -> new ArrayList<>()).add(elapsed);
                    statuses.put(kind.getKey(), answer.statusCode());
                }
            }
        }
        System.out.printf("%-16s %6s %11s %11s%n", "case", "status", "median ms", "p90 ms");
        micros.forEach((kind, times) -> {
            times.sort(Long::compare);
            System.out.printf("%-16s %6d %11.1f %11.1f%n", kind, statuses.get(kind), times.get(times.size() / 2) / 1000.0,
                    times.get(times.size() * 9 / 10) / 1000.0);
        });
    }
}
