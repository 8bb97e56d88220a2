package kr.gyeol.webhook;

import java.time.Clock;

import kr.gyeol.shared.WebhookEventId;
import kr.gyeol.shared.EventType;
import kr.gyeol.shared.Outbox;
import kr.gyeol.shared.PartnerId;
import kr.gyeol.shared.Tokens;
import kr.gyeol.webhook.jdbc.WebhookRepository;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

    private final TransactionSynchronization wakeAfterCommit = new TransactionSynchronization() {
        @Override
        public void afterCommit() {
            WebhookDispatcher dispatcher = WebhookOutbox.this.dispatcher.getIfAvailable();
            if (dispatcher != null) {
                dispatcher.wake();
            }
        }
    };

    /**
     * Looked up when first needed: the dispatcher's renderers use services that use this.
     */
    private final ObjectProvider<WebhookDispatcher> dispatcher;

    WebhookOutbox(WebhookRepository repository, Clock clock, ObjectProvider<WebhookDispatcher> dispatcher) {
        this.repository = repository;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(PartnerId partnerId, EventType type, String subjectId) {
        boolean inserted = this.repository.insertEventIfReceived(WebhookEventId.of("evt_" + Tokens.urlSafe(18)),
                partnerId, type, subjectId, this.clock.instant());
        // The event exists once the caller's transaction commits: this node's dispatcher
        // is woken then, instead of finding it at its next poll.
        if (inserted && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(this.wakeAfterCommit);
        }
    }

}
