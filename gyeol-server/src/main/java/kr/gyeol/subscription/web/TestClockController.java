package kr.gyeol.subscription.web;

import java.net.URI;
import java.time.Instant;

import kr.gyeol.shared.PartnerId;
import kr.gyeol.subscription.TestClocks;
import kr.gyeol.subscription.web.Views.AdvanceView;
import kr.gyeol.subscription.web.Views.ClockView;
import kr.gyeol.subscription.web.Views.Listing;
import kr.gyeol.web.JsonApi;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Test clocks of the recurring-billing API (test-mode partners only). */
@RestController
@JsonApi
class TestClockController {

    record NewClock(String name, Instant frozenTime) {
    }

    record Advance(Instant frozenTime) {
    }

    private final TestClocks clocks;

    TestClockController(TestClocks clocks) {
        this.clocks = clocks;
    }

    @PostMapping("/v1/test-clocks")
    ResponseEntity<ClockView> create(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestBody(required = false) NewClock request) {
        ClockView clock = ClockView.of(this.clocks.create(partner, request == null ? null : request.name(),
                request == null ? null : request.frozenTime()));
        return ResponseEntity.created(URI.create("/v1/test-clocks/" + clock.id())).body(clock);
    }

    @GetMapping("/v1/test-clocks")
    Listing<ClockView> list(@RequestAttribute(JsonApi.PARTNER) PartnerId partner,
            @RequestParam(defaultValue = "50") int limit) {
        return new Listing<>(this.clocks.list(partner, Limits.clamp(limit)).stream().map(ClockView::of).toList());
    }

    @GetMapping("/v1/test-clocks/{id}")
    ClockView find(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id) {
        return ClockView.of(this.clocks.find(partner, id));
    }

    @PostMapping("/v1/test-clocks/{id}/advance")
    AdvanceView advance(@RequestAttribute(JsonApi.PARTNER) PartnerId partner, @PathVariable String id,
            @RequestBody Advance request) {
        TestClocks.Advanced advanced = this.clocks.advance(partner, id, request.frozenTime());
        return new AdvanceView(advanced.clock().id(), advanced.clock().name(), advanced.clock().frozenAt(),
                advanced.clock().createdAt(), advanced.steps(), advanced.stillDue());
    }

}
