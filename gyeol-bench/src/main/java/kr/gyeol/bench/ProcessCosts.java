package kr.gyeol.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a measured window cost, from the processes' own counters: the gateways' CPU time
 * and GC pauses (their {@code process_cpu_time_ns_total} and
 * {@code jvm_gc_pause_seconds_sum} meters at {@code /actuator/prometheus}) and every
 * PostgreSQL process's CPU time on this machine (the kernel's, through
 * {@link ProcessHandle}). Divided by the charges of the window, a change in efficiency
 * shows through a noisy machine's throughput.
 */
final class ProcessCosts {

    private ProcessCosts() {
    }

    /** One reading of the counters. */
    record Reading(double gatewayCpuNanos, double gcPauseSeconds, long postgresCpuNanos) {
    }

    static Reading read(List<String> bases) {
        double cpu = 0;
        double gc = 0;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String base : bases) {
            String metrics;
            try {
                metrics = http
                    .send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            }
            catch (IOException ex) {
                continue;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("process_cpu_time_ns_total")) {
                    cpu += value(line);
                }
                else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
                    gc += value(line);
                }
            }
        }
        long postgres = ProcessHandle.allProcesses()
            .filter((process) -> process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false))
            .mapToLong((process) -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
            .sum();
        return new Reading(cpu, gc, postgres);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** The counters read as a window opens and as it closes. */
    static final class Window {

        private final List<String> bases;

        private final CountDownLatch done = new CountDownLatch(1);

        private volatile Reading first;

        private volatile Reading last;

        Window(List<String> bases) {
            this.bases = bases;
        }

        /** Reads at {@code from} and at {@code to} ({@link System#nanoTime()}). */
        void measure(long from, long to) {
            try {
                sleepUntil(from);
                this.first = read(this.bases);
                sleepUntil(to);
                this.last = read(this.bases);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            finally {
                this.done.countDown();
            }
        }

        void awaitEnd() throws InterruptedException {
            this.done.await(2, TimeUnit.MINUTES);
        }

        double gatewayCpuMillis() {
            return this.first == null || this.last == null ? Double.NaN
                    : (this.last.gatewayCpuNanos() - this.first.gatewayCpuNanos()) / 1e6;
        }

        double postgresCpuMillis() {
            return this.first == null || this.last == null ? Double.NaN
                    : (this.last.postgresCpuNanos() - this.first.postgresCpuNanos()) / 1e6;
        }

        double gcPauseMillis() {
            return this.first == null || this.last == null ? Double.NaN
                    : (this.last.gcPauseSeconds() - this.first.gcPauseSeconds()) * 1e3;
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

    }

}
