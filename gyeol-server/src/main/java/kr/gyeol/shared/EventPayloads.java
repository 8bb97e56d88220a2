package kr.gyeol.shared;

import java.util.Map;
import java.util.Optional;

/**
 * Renders the webhook body of an event from what its capability recorded, in Payple's
 * fields. Each capability renders its own events; the webhook capability asks them all.
 */
public interface EventPayloads {

    /**
     * The fields of the event (strings, or maps of strings for the nested overseas
     * bodies), or empty when this capability does not render {@code type} or the subject
     * is gone.
     * @param baseUrl the gateway's public base URL, for links such as receipts
     */
    Optional<Map<String, ?>> render(EventType type, String subjectId, String baseUrl);

}
