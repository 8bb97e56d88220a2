package kr.gyeol.window;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import kr.gyeol.partner.AuthorizedCall;
import kr.gyeol.payment.PaymentApi;
import kr.gyeol.payment.PaymentService;
import kr.gyeol.shared.Tokens;
import kr.gyeol.window.jdbc.WindowRepository;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * A payment window's life: opened for an authorized partner request, found again by each
 * of its pages, closed by the customer. What the customer does in it is each kind's own
 * flow: {@link CardWindows}, {@link AccountWindows}, {@link PasswordWindows},
 * {@link AppCardWindows}, and {@link WindowConfirmations} for CERT's second step.
 */
@Service
public class WindowService {

    private final WindowRepository windows;

    private final WindowRuns runs;

    private final Clock clock;

    private final JsonMapper json;

    private final PaymentService payments;

    WindowService(WindowRepository windows, WindowRuns runs, Clock clock, JsonMapper json, PaymentService payments) {
        this.windows = windows;
        this.runs = runs;
        this.clock = clock;
        this.json = json;
        this.payments = payments;
    }

    /**
     * Opens a window for a request whose AuthKey was just consumed. A request that
     * charges without an order id gets one now, so every result of the window reports the
     * order id the payment will have.
     */
    public WindowSession open(AuthorizedCall call, WindowRequest given) {
        WindowRequest request = given.orderId() != null || given.work() == WindowWork.AUTH ? given
                : given.withOrderId(this.payments.newOrderId(PaymentApi.PAYPLE).value());
        Instant now = this.clock.instant();
        String id = Tokens.urlSafe(18);
        Instant expiresAt = now.plus(this.runs.lifetime());
        this.windows.insert(id, call.partnerId(), this.json.writeValueAsString(request), now, expiresAt);
        return new WindowSession(id, call.partnerId(), request, expiresAt);
    }

    /** An open window, for rendering its form again. */
    public Optional<WindowSession> findOpen(String id) {
        return this.runs.findOpen(id);
    }

    /** The request a window was opened with, whatever became of it. */
    public Optional<WindowSession> find(String id) {
        return this.runs.find(id);
    }

    /** The customer closed the window; false when it was no longer open. */
    public boolean close(String id) {
        return this.windows.close(id);
    }

}
