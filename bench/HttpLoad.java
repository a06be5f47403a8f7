import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GETs one address as an HTTP Basic client: either a number of requests one after another, or as many clients as
 * given for a number of seconds, each sending its next request when the last is answered. Prints
 * "n=… p50=… p95=… max=… ms errors=… rps=…" (an error: any status but 200, or no answer).
 * Usage: java bench/HttpLoad.java URL USER PASSWORD (seq COUNT | clients N SECONDS)
 */
public class HttpLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2])
                .getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .timeout(Duration.ofSeconds(30)).GET().build();
        List<Double> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long began = System.nanoTime();
        if (args[3].equals("seq")) {
            int count = Integer.parseInt(args[4]);
            for (int i = 0; i < count; i++) {
                send(http, request, times, errors);
            }
        } else {
            int clients = Integer.parseInt(args[4]);
            long until = System.nanoTime() + Long.parseLong(args[5]) * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < until) {
                        send(http, request, times, errors);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        System.out.printf("n=%d p50=%.1f p95=%.1f max=%.1f ms errors=%d rps=%.0f%n", sorted.size(),
                at(sorted, 0.50), at(sorted, 0.95), sorted.isEmpty() ? 0 : sorted.getLast(), errors.get(),
                sorted.size() / seconds);
    }

    private static void send(HttpClient http, HttpRequest request, List<Double> times, AtomicInteger errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        times.add((System.nanoTime() - start) / 1e6);
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
