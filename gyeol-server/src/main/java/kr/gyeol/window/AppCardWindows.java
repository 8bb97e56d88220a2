package kr.gyeol.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import kr.gyeol.network.Acquirer;
import kr.gyeol.network.AppCard;
import kr.gyeol.payment.AppCardCharge;
import kr.gyeol.vault.Institutions;

import org.springframework.stereotype.Service;

/**
 * The app-card window: the customer picks a card company's app or an easy-pay wallet and
 * approves one of its cards there. No billing key is made (spec §3.2).
 */
@Service
public class AppCardWindows {

    /** Korean card companies allow installments from 50,000원. */
    static final long INSTALLMENT_MINIMUM = 50_000;

    private final WindowRuns runs;

    private final Acquirer acquirer;

    AppCardWindows(WindowRuns runs, Acquirer acquirer) {
        this.runs = runs;
        this.acquirer = acquirer;
    }

    /** A card company's app or an easy-pay wallet the customer can pay with. */
    public record AppProvider(String code, String name, AppMethod method) {
    }

    /** What an app-card window offers, in the order of its request's methods. */
    public List<AppProvider> providers(WindowRequest request) {
        List<AppProvider> providers = new ArrayList<>();
        for (AppMethod method : request.appMethods()) {
            if (method == AppMethod.APP_CARD) {
                Institutions.cardCompanies()
                    .forEach((company) -> providers.add(new AppProvider(company.code(), company.name(), method)));
            }
            else {
                providers.add(new AppProvider(method.wireName(), method.label(), method));
            }
        }
        return providers;
    }

    /** One of the providers an app-card window offers. */
    public Optional<AppProvider> provider(WindowRequest request, String code) {
        return providers(request).stream().filter((provider) -> provider.code().equals(code)).findFirst();
    }

    /** The cards the customer's app shows. */
    public List<AppCard> cards(AppProvider provider) {
        return this.acquirer.appCards(provider.code());
    }

    /** Whether the customer may split this window's amount into monthly installments. */
    public static List<Integer> installmentChoices(WindowRequest request) {
        if (request.amount() == null || request.amount() < INSTALLMENT_MINIMUM) {
            return List.of(0);
        }
        return IntStream.concat(IntStream.of(0), IntStream.rangeClosed(2, 12)).boxed().toList();
    }

    /**
     * The customer approved a card in its app: charges it at once (PAY) or waits for the
     * partner's confirmation (CERT).
     */
    public WindowOutcome approve(String id, String providerCode, String token, int installmentMonths) {
        return this.runs.once(id, (session) -> {
            WindowRequest request = session.request();
            Optional<AppProvider> provider = request.appCard() ? provider(request, providerCode) : Optional.empty();
            Optional<AppCard> card = provider.flatMap((chosen) -> cards(chosen).stream()
                .filter((candidate) -> candidate.token().equals(token))
                .findFirst());
            if (card.isEmpty()) {
                return new WindowOutcome.Refused(WindowOutcome.Reason.INVALID_APP_CARD, null, null);
            }
            if (!installmentChoices(request).contains(installmentMonths)) {
                return new WindowOutcome.Refused(WindowOutcome.Reason.INVALID_INSTALLMENTS, null, null);
            }
            AppProvider chosen = provider.get();
            Institutions.Institution issuer = chosen.method() == AppMethod.APP_CARD
                    ? new Institutions.Institution(chosen.code(), chosen.name())
                    : Institutions.cardIssuer(card.get().maskedNumber());
            AppCardCharge appCard = new AppCardCharge(card.get().token(), card.get().maskedNumber(), issuer.code(),
                    issuer.name(), installmentMonths,
                    chosen.method() == AppMethod.APP_CARD ? null : chosen.method().wireName());
            return this.runs.withAppCard(session, appCard);
        });
    }

}
