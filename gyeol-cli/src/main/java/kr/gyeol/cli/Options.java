package kr.gyeol.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * The options every command takes, before or after its name: which gateway, as which
 * partner, and how to print.
 */
public final class Options {

    @Option(names = "--base", paramLabel = "URL",
            description = "The gateway's base URL (default: the profile's, else http://localhost:8080).")
    String base;

    @Option(names = "--partner", paramLabel = "CST_ID",
            description = "The partner's cst_id (default: GYEOL_PARTNER, the profile's, else the public test partner).")
    String partner;

    @Option(names = "--key", paramLabel = "CUST_KEY",
            description = "The partner's custKey (default: GYEOL_KEY, the profile's, else the public test partner's).")
    String key;

    @Option(names = "--refund-key", paramLabel = "KEY",
            description = "The partner's refund key, for refunds (default: GYEOL_REFUND_KEY, the profile's).")
    String refundKey;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "The profile gyeol login writes (default: ~/.config/gyeol/profile.properties).")
    Path profile;

    @Option(names = "--json", description = "Print JSON, for scripts.")
    boolean json;

    /** These options where given, else {@code fallback}'s. */
    Options over(Options fallback) {
        Options merged = new Options();
        merged.base = this.base != null ? this.base : fallback.base;
        merged.partner = this.partner != null ? this.partner : fallback.partner;
        merged.key = this.key != null ? this.key : fallback.key;
        merged.refundKey = this.refundKey != null ? this.refundKey : fallback.refundKey;
        merged.profile = this.profile != null ? this.profile : fallback.profile;
        merged.json = this.json || fallback.json;
        return merged;
    }

}
