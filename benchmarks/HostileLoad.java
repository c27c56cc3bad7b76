import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 21's measured goals, against a running instance: another shop's p99 at a fixed rate, first with nothing else
 * going on, then while CONNECTIONS slow connections are held open, a third each trickling their headers, trickling
 * a body with a valid key, and trickling a body without a key, one byte a second, from 250 addresses. A connection
 * the server ends is opened again a second later, as an attacker would. Then quiet again, then while an admin
 * uploads a hostile draft every DRAFT_PAUSE_MS (a table building a list of 10^8 numbers behind a rare condition, and one
 * with a catastrophic pattern: issue 21's finding 2; the same edits as the tests' Drafts fixtures), then quiet.
 * Run by benchmarks/hostile.sh; only the JDK (java HostileLoad.java).
 */
public class HostileLoad {

    static final int PORT = Integer.parseInt(env("PORT", "8091"));
    static final int CONNECTIONS = Integer.parseInt(env("CONNECTIONS", "500"));
    static final int RATE = Integer.parseInt(env("RATE", "50"));
    static final int SECONDS = Integer.parseInt(env("DURATION", "60"));
    static final String SHOP_KEY = System.getenv("SHOP_KEY");
    static final String ATTACKER_KEY = System.getenv("ATTACKER_KEY");
    static final String ADMIN_KEY = System.getenv("ADMIN_KEY");
    /** Between two hostile drafts: a lead cannot upload faster than this; 0 uploads them back to back. */
    static final long DRAFT_PAUSE_MS = Long.parseLong(env("DRAFT_PAUSE_MS", "1000"));

    public static void main(String[] args) throws Exception {
        String body = Files.readAllLines(Path.of(env("MIX", "benchmarks/src/main/resources/complaint-mix.jsonl"))).get(0)
                .replace("shop-bench", "shop-victim");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Both paths warmed up, as on an instance that has run for a while: the decisions, and the drafts' check (the
        // JIT compiling it the first few hundred times took more CPU than checking it: a profile, 2026-12-03).
        System.err.println("warm-up: " + SECONDS + " s at " + RATE + "/s, and hostile drafts every 20 ms");
        AtomicBoolean warming = new AtomicBoolean(true);
        Thread warmUpDrafts = new Thread(() -> uploadHostileDrafts(client, warming, new ArrayList<>(), 20), "warm-up");
        warmUpDrafts.start();
        measure(client, body, SECONDS);
        warming.set(false);
        warmUpDrafts.join();
        Result quiet = measure(client, body, SECONDS);
        System.err.println("quiet:   " + quiet);

        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        List<Thread> tricklers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            // From 250 addresses (127.0.1.1 and on, all the loopback's): a crowd, not one client the per-address limit
            // would stop, and none the other shop's own address.
            String from = "127.0.1." + (i % 250 + 1);
            Thread trickler = new Thread(() -> trickle(kind, from, attacking, opened, ended), "trickler-" + i);
            trickler.setDaemon(true);
            trickler.start();
            tricklers.add(trickler);
        }
        // Let every connection be open and trickling before measuring.
        Thread.sleep(5_000);
        int openAtStart = opened.get();
        Result attacked = measure(client, body, SECONDS);
        attacking.set(false);
        System.err.println("attacked: " + attacked);
        // Quiet again: the JIT and the machine drift over minutes; the attack is compared with the quiet on both sides.
        Thread.sleep(5_000);
        Result after = measure(client, body, SECONDS);
        System.err.println("quiet:   " + after);
        double quietP99 = (quiet.p99() + after.p99()) / 2;

        AtomicBoolean drafting = new AtomicBoolean(true);
        List<long[]> drafts = Collections.synchronizedList(new ArrayList<>());
        Thread admin = new Thread(() -> uploadHostileDrafts(client, drafting, drafts, DRAFT_PAUSE_MS), "admin");
        admin.start();
        Result checking = measure(client, body, SECONDS);
        drafting.set(false);
        admin.join();
        System.err.println("drafts:  " + checking);
        Thread.sleep(2_000);
        Result afterDrafts = measure(client, body, SECONDS);
        System.err.println("quiet:   " + afterDrafts);
        double quietDraftsP99 = (after.p99() + afterDrafts.p99()) / 2;
        List<Long> refusedIn = drafts.stream().filter(d -> d[0] == 422).map(d -> d[1]).sorted().toList();

        System.out.printf("other shop at %d/s: p99 %.1f ms with %d slow connections, %.1f / %.1f ms quiet before and"
                        + " after: %.2f x (p50 %.1f -> %.1f ms; answers not 200: %d quiet, %d attacked)%n",
                RATE, attacked.p99(), CONNECTIONS, quiet.p99(), after.p99(), attacked.p99() / quietP99, quiet.p50(),
                attacked.p50(), quiet.failed() + after.failed(), attacked.failed());
        System.out.printf("slow connections: %d opened in the first 5 s, %d opened and %d ended by the server in all%n",
                openAtStart, opened.get(), ended.get());
        System.out.printf("other shop at %d/s: p99 %.1f ms while hostile drafts are checked, %.1f / %.1f ms quiet before"
                        + " and after: %.2f x (answers not 200: %d)%n", RATE, checking.p99(), after.p99(),
                afterDrafts.p99(), checking.p99() / quietDraftsP99, checking.failed());
        System.out.printf("hostile drafts: %d uploaded, %d refused with 422 in %d-%d ms (median %d ms), other answers: %s%n",
                drafts.size(), refusedIn.size(), refusedIn.isEmpty() ? 0 : refusedIn.get(0),
                refusedIn.isEmpty() ? 0 : refusedIn.get(refusedIn.size() - 1),
                refusedIn.isEmpty() ? 0 : refusedIn.get(refusedIn.size() / 2),
                drafts.stream().filter(d -> d[0] != 422).map(d -> String.valueOf(d[0])).toList());
    }

    enum Kind { HEADERS, BODY_WITH_KEY, BODY_WITHOUT_KEY }

    /**
     * The first row of Dissatisfaction (NOT_DELIVERED: 35 points) made hostile, as the tests' Drafts fixtures do: a
     * list of 10^8 numbers behind a delay no sample has, or a pattern whose matching time grows exponentially.
     */
    static final List<String> HOSTILE_FEEL = List.of(
            "if Delay Days &gt; 100000 then count(for i in 1..100000000 return i) else 35",
            "if matches(string(Delay Days), \"^([0-9]+)+x$\") then 0 else 35");

    /** Uploads the hostile drafts in turn until told to stop; records each answer's status and milliseconds. */
    static void uploadHostileDrafts(HttpClient client, AtomicBoolean drafting, List<long[]> drafts, long pauseMillis) {
        try {
            String base = "http://127.0.0.1:" + PORT;
            String versions = client.send(admin(base + "/v1/policy/versions").GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            java.util.regex.Matcher active = java.util.regex.Pattern.compile("\"active\"\\s*:\\s*\"([^\"]+)\"").matcher(versions);
            if (!active.find()) {
                throw new IllegalStateException("no active version in " + versions);
            }
            String table = client.send(admin(base + "/v1/policy/versions/" + active.group(1) + "/files/Dissatisfaction.dmn")
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            for (int n = 0; drafting.get(); n++) {
                String hostile = table.replaceFirst("(<outputEntry id=\"_Dissatisfaction_o_30\">\\s*<text>)35(</text>)",
                        "$1" + java.util.regex.Matcher.quoteReplacement(HOSTILE_FEEL.get(n % HOSTILE_FEEL.size())) + "$2");
                if (hostile.equals(table)) {
                    throw new IllegalStateException("the shipped Dissatisfaction table changed; update HOSTILE_FEEL's edit");
                }
                String boundary = "hostile-" + n;
                String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"Dissatisfaction.dmn\""
                        + "\r\nContent-Type: application/xml\r\n\r\n" + hostile + "\r\n--" + boundary + "--\r\n";
                long started = System.nanoTime();
                HttpResponse<Void> answer = client.send(admin(base + "/v1/policy/drafts")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(multipart)).build(), HttpResponse.BodyHandlers.discarding());
                drafts.add(new long[] {answer.statusCode(), (System.nanoTime() - started) / 1_000_000});
                Thread.sleep(pauseMillis);
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the hostile drafts could not be uploaded", e);
        }
    }

    static HttpRequest.Builder admin(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + ADMIN_KEY)
                .timeout(Duration.ofSeconds(120));
    }

    /** One slow connection, opened again whenever the server ends it. */
    static void trickle(Kind kind, String from, AtomicBoolean attacking, AtomicInteger opened, AtomicInteger ended) {
        while (attacking.get()) {
            try (Socket socket = new Socket(java.net.InetAddress.getByName("127.0.0.1"), PORT,
                    java.net.InetAddress.getByName(from), 0)) {
                opened.incrementAndGet();
                OutputStream out = socket.getOutputStream();
                String start = "POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
                if (kind == Kind.HEADERS) {
                    out.write(start.getBytes(StandardCharsets.US_ASCII));
                    out.write("X-Padding: ".getBytes(StandardCharsets.US_ASCII));
                } else {
                    String key = kind == Kind.BODY_WITH_KEY ? "Authorization: Bearer " + ATTACKER_KEY + "\r\n" : "";
                    out.write((start + key + "Content-Length: 60000\r\n\r\n{\"complaintId\":\"").getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                while (attacking.get()) {
                    Thread.sleep(1_000);
                    out.write('a');
                    out.flush();
                }
            } catch (IOException e) {
                ended.incrementAndGet();
                sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    record Result(double p50, double p99, int failed) {
        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p99 %.1f ms, answers not 200: %d", p50, p99, failed);
        }
    }

    /**
     * RATE requests a second for SECONDS, each timed from when it was due (not when it was sent), so that a server
     * that stalls is not measured kindly.
     */
    static Result measure(HttpClient client, String body, int seconds) throws Exception {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<?>> sent = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long period = 1_000_000_000L / RATE;
        int total = seconds * RATE;
        AtomicInteger next = new AtomicInteger();
        schedule.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            long due = start + n * period;
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/v1/decisions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + SHOP_KEY)
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.add((System.nanoTime() - due) / 1e6);
                if (error != null || response.statusCode() != 200) {
                    failed.incrementAndGet();
                }
            }));
        }, 0, period, TimeUnit.NANOSECONDS);
        Thread.sleep(seconds * 1_000L + 200);
        schedule.shutdown();
        for (CompletableFuture<?> request : new ArrayList<>(sent)) {
            try {
                request.get(35, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Counted as failed by its own handler.
            }
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(percentile(sorted, 0.50), percentile(sorted, 0.99), failed.get());
    }

    static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
