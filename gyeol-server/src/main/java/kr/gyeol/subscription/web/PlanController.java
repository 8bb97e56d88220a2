package kr.gyeol.subscription.web;

import java.net.URI;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.subscription.Plans;
import kr.gyeol.subscription.web.Views.DunningView;
import kr.gyeol.subscription.web.Views.Listing;
import kr.gyeol.subscription.web.Views.PlanView;
import kr.gyeol.web.JsonApi;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Plans and dunning settings of the recurring-billing API. */
@RestController
@JsonApi
class PlanController {

    private final Plans plans;

    PlanController(Plans plans) {
        this.plans = plans;
    }

    @PostMapping("/v1/plans")
    ResponseEntity<PlanView> create(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestBody Plans.NewPlan request) {
        PlanView plan = PlanView.of(this.plans.create(partner, request));
        return ResponseEntity.created(URI.create("/v1/plans/" + plan.id())).body(plan);
    }

    @GetMapping("/v1/plans")
    Listing<PlanView> list(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(defaultValue = "50") int limit) {
        return new Listing<>(this.plans.list(partner, Limits.clamp(limit)).stream().map(PlanView::of).toList());
    }

    @GetMapping("/v1/plans/{id}")
    PlanView find(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        return PlanView.of(this.plans.find(partner, Plans.idOf(id)));
    }

    @GetMapping("/v1/billing-settings")
    DunningView settings(@RequestAttribute(JsonApi.PARTNER) PartnerId partner) {
        return DunningView.of(this.plans.dunning(partner));
    }

    @PutMapping("/v1/billing-settings")
    DunningView configure(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @RequestBody DunningView settings) {
        return DunningView.of(this.plans.configureDunning(partner, settings.retryDays(), settings.afterRetries()));
    }

}
