package kr.gyeol.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import kr.gyeol.client.GyeolClient;
import kr.gyeol.client.InvalidRequestException;
import kr.gyeol.client.Listener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gyeol listen}: takes the partner's webhook events from the gateway over one
 * outgoing connection and forwards each, signed as a delivery is, to a local receiver; an
 * event counts as delivered only when the receiver answered 2xx, and the next is not
 * forwarded before. Where it got to is kept after each delivery, so a restart resumes
 * after the last event the receiver took: nothing is lost, and an event may come twice
 * (same {@code webhook-id}) if the listener stopped between the receiver's answer and its
 * record.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Forward the partner's webhook events to a local receiver, signed, in order; Ctrl-C and a restart lose nothing.")
final class ListenCommand implements Callable<Integer> {

    @Option(names = "--forward-to", required = true, paramLabel = "URL",
            description = "The local receiver, e.g. http://localhost:3000/webhook.")
    String forwardTo;

    @Option(names = "--events", split = ",", paramLabel = "TYPE",
            description = "Only these event types (PAYMENT, CANCEL, …); the others are passed over.")
    List<String> types;

    @Option(names = "--from-start",
            description = "With no saved place, begin at the partner's first event instead of now.")
    boolean fromStart;

    @Option(names = "--reset",
            description = "Forget the saved place: begin now (or, with --from-start, at the first event).")
    boolean reset;

    @Option(names = "--max-events", paramLabel = "N", description = "Stop after forwarding N events (default: never).")
    Integer maxEvents;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Where the place is kept (default: ~/.config/gyeol/listen/<gateway and partner>).")
    Path state;

    @Mixin
    Options options;

    @ParentCommand
    GyeolCli root;

    @Spec
    CommandSpec spec;

    private static final Duration RETRY = Duration.ofSeconds(2);

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI target;
        try {
            target = URI.create(this.forwardTo);
            if (target.getScheme() == null || !target.getScheme().startsWith("http") || target.getHost() == null) {
                throw new IllegalArgumentException("not http");
            }
        }
        catch (IllegalArgumentException bad) {
            throw new Refusal(Exit.USAGE, "--forward-to is an http(s) URL, not " + this.forwardTo);
        }
        Connection connection = this.root.connection(this.options);
        GyeolClient client = connection.client();
        GyeolCli.Output output = this.root.output(this.options, this.spec);
        Path place = this.state != null ? this.state : defaultState(connection);
        String cursor = !this.reset && Files.isRegularFile(place) ? Files.readString(place).strip() : null;
        boolean saved = cursor != null && !cursor.isEmpty();
        if (!saved) {
            cursor = this.fromStart ? Listener.FROM_THE_START : client.listener().cursorNow();
            save(place, cursor);
        }
        Set<String> only = this.types == null ? null
                : this.types.stream().map((type) -> type.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
        output.line("Listening as " + connection.partner() + " on " + connection.base() + ", forwarding to "
                + this.forwardTo + " (Ctrl-C to stop).");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int forwarded = 0;
        while (this.maxEvents == null || forwarded < this.maxEvents) {
            Listener.Batch batch;
            try {
                batch = client.listener().after(cursor, 20);
            }
            catch (InvalidRequestException gone) {
                if (saved && "no-such-event".equals(gone.code())) {
                    throw new Refusal(Exit.REFUSED, "the place saved in " + place + " names an event the gateway no"
                            + " longer has (pruned, or another database); run again with --reset to begin now, or"
                            + " --reset --from-start for every event it keeps");
                }
                throw gone;
            }
            saved = false;
            for (Listener.Event event : batch.events()) {
                if (this.maxEvents != null && forwarded >= this.maxEvents) {
                    break;
                }
                if (only == null || only.contains(event.type())) {
                    forward(http, target, event, client, output);
                    forwarded++;
                }
                cursor = event.id();
                save(place, cursor);
            }
            if (batch.events().isEmpty()) {
                cursor = batch.cursor();
            }
        }
        return Exit.OK;
    }

    /** Sends one event until the receiver answers 2xx, then records its delivery. */
    private void forward(HttpClient http, URI target, Listener.Event event, GyeolClient client, GyeolCli.Output output)
            throws InterruptedException {
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", event.contentType())
                .header("User-Agent", "Gyeol-Listen/1")
                .POST(HttpRequest.BodyPublishers.ofString(event.body(), StandardCharsets.UTF_8));
            event.headers().forEach(request::header);
            long started = System.nanoTime();
            Integer status = null;
            String failure = null;
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            catch (IOException ex) {
                failure = ex.getClass().getSimpleName();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            String answer = status != null ? "HTTP " + status : failure;
            output.line(String.format("%-26s %s -> %s in %d ms", event.type(), event.id(), answer, millis));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", event.id());
            line.put("type", event.type());
            line.put("status", status);
            line.put("error", failure);
            line.put("latencyMs", millis);
            output.jsonLine(line);
            if (status != null && status >= 200 && status < 300) {
                client.listener().delivered(event.id(), status, millis, target.toString());
                return;
            }
            // The receiver did not take it: the same event again, the next not before.
            Thread.sleep(RETRY);
        }
    }

    private static Path defaultState(Connection connection) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((connection.base() + "|" + connection.partner()).getBytes(StandardCharsets.UTF_8));
            return Connection.defaultProfile().resolveSibling("listen").resolve(HexFormat.of().formatHex(hash, 0, 8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Keeps the place, replacing the file whole so a stop never leaves half of it. */
    private static void save(Path place, String cursor) throws IOException {
        Files.createDirectories(place.toAbsolutePath().getParent());
        Path partial = place.resolveSibling(place.getFileName() + ".partial");
        Files.writeString(partial, cursor, StandardCharsets.UTF_8);
        Files.move(partial, place, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
