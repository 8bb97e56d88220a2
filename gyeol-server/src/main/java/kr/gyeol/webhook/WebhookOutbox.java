package kr.gyeol.webhook;

import java.time.Clock;

import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.webhook.jdbc.WebhookRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: an event row written in the caller's transaction, so it exists exactly when
 * the change it reports committed. Its id is the stable {@code webhook-id} receivers
 * de-duplicate by.
 */
@Component
class WebhookOutbox implements Outbox {

    private final WebhookRepository repository;

    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(PartnerId partnerId, EventType type, String subjectId) {
        this.repository.insertEventIfReceived("evt_" + Tokens.urlSafe(18), partnerId, type, subjectId,
                this.clock.instant());
    }

}
