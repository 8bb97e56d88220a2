package kr.gyeol.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a measured window cost, from the processes' own counters: the gateways' CPU time
 * and GC pauses (their {@code process_cpu_time_ns_total} and
 * {@code jvm_gc_pause_seconds_sum} meters at {@code /actuator/prometheus}) and the CPU
 * time of every PostgreSQL process on this machine, from the kernel's
 * {@code /proc/<pid>/stat}: each process's own time and the time of the children it has
 * reaped, so a backend that exits within the window (a pool letting a connection go)
 * still counts, through the postmaster. Divided by the charges of the window, a change in
 * efficiency shows through a noisy machine's throughput. A counter that cannot be read
 * fails the measurement (NaN), never reads as zero.
 */
final class ProcessCosts {

    private ProcessCosts() {
    }

    /**
     * One reading of the counters: the gateways', PostgreSQL's and this load generator's
     * own CPU time, and the machine's busy CPU time (all cores).
     */
    record Reading(double gatewayCpuNanos, double gcPauseSeconds, long postgresCpuNanos, long loadCpuNanos,
            long machineBusyNanos) {
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
                System.err.printf("could not read %s/actuator/prometheus: %s%n", base, ex);
                return reading(Double.NaN, Double.NaN);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            boolean found = false;
            for (String line : metrics.lines().toList()) {
                if (line.startsWith("process_cpu_time_ns_total")) {
                    cpu += value(line);
                    found = true;
                }
                else if (line.startsWith("jvm_gc_pause_seconds_sum")) {
                    gc += value(line);
                }
            }
            if (!found) {
                System.err.printf("%s/actuator/prometheus has no process_cpu_time_ns_total%n", base);
                cpu = Double.NaN;
            }
        }
        return reading(cpu, gc);
    }

    private static Reading reading(double gatewayCpuNanos, double gcPauseSeconds) {
        return new Reading(gatewayCpuNanos, gcPauseSeconds, postgresCpuNanos(), loadCpuNanos(), machineBusyNanos());
    }

    /**
     * This process's own CPU time: the load generator's cost, for the machine's budget.
     */
    static long loadCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /**
     * The machine's busy CPU time over all cores since boot: the first line of
     * {@code /proc/stat} less its idle and iowait fields (user, nice, system, irq,
     * softirq, steal; in USER_HZ ticks). Busy time only: this machine's kernel does not
     * count its idle time there, so the total says nothing.
     */
    static long machineBusyNanos() {
        String[] fields;
        try {
            fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        }
        catch (IOException ex) {
            return -1;
        }
        long busy = 0;
        for (int field = 1; field <= 8 && field < fields.length; field++) {
            if (field != 4 && field != 5) {
                busy += Long.parseLong(fields[field]);
            }
        }
        return busy * 10_000_000L;
    }

    /**
     * The CPU time of PostgreSQL's processes: user and system time, their own and their
     * reaped children's (fields 14 to 17 of {@code /proc/<pid>/stat}, in clock ticks of
     * 1/100 s, Linux's USER_HZ).
     */
    static long postgresCpuNanos() {
        long ticks = ProcessHandle.allProcesses()
            .filter((process) -> process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false))
            .mapToLong((process) -> ticks(process.pid()))
            .sum();
        return ticks * 10_000_000L;
    }

    private static long ticks(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        }
        catch (IOException ex) {
            // Gone between the listing and the reading: its time went to its parent's
            // children.
            return 0;
        }
        // The command name (field 2) is in parentheses and may hold spaces: fields count
        // from the last ')'; state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long total = 0;
        for (int field = 14; field <= 17; field++) {
            total += Long.parseLong(fields[field - 3]);
        }
        return total;
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

        private volatile long firstAt;

        private volatile long lastAt;

        Window(List<String> bases) {
            this.bases = bases;
        }

        /** Reads at {@code from} and at {@code to} ({@link System#nanoTime()}). */
        void measure(long from, long to) {
            try {
                sleepUntil(from);
                this.firstAt = System.nanoTime();
                this.first = read(this.bases);
                sleepUntil(to);
                this.lastAt = System.nanoTime();
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

        double loadCpuMillis() {
            return this.first == null || this.last == null || this.first.loadCpuNanos() < 0 ? Double.NaN
                    : (this.last.loadCpuNanos() - this.first.loadCpuNanos()) / 1e6;
        }

        /** How many of the machine's cores were busy, on average, in the window. */
        double busyCores() {
            if (this.first == null || this.last == null || this.first.machineBusyNanos() < 0) {
                return Double.NaN;
            }
            double wall = (this.lastAt - this.firstAt);
            return (this.last.machineBusyNanos() - this.first.machineBusyNanos()) / wall;
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
