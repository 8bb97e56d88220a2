package kr.gyeol.e2e.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The secrets the e2e tests send, to be looked for in a gateway's log. A number counts
 * only standing alone, not inside a longer run of digits: the tests' order ids are
 * {@code System.nanoTime()} values, and thousands of them hold any six digits somewhere.
 * A logged card number, account number or birth date is a whole run of digits.
 */
public final class LogSecrets {

    private final List<String> numbers;

    private final List<String> keys;

    /**
     * @param numbers card numbers, account numbers and birth dates
     * @param keys partner and refund keys
     */
    public LogSecrets(List<String> numbers, List<String> keys) {
        this.numbers = List.copyOf(numbers);
        this.keys = List.copyOf(keys);
    }

    /** The secrets found in a log's text, numbers first, in the order they were given. */
    public List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        for (String number : this.numbers) {
            if (Pattern.compile("(?<![0-9])" + Pattern.quote(number) + "(?![0-9])").matcher(text).find()) {
                found.add(number);
            }
        }
        for (String key : this.keys) {
            if (text.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

}
