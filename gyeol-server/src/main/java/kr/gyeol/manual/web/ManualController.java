package kr.gyeol.manual.web;

import java.util.Map;

import kr.gyeol.manual.Manual;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The manual at {@code /docs}: the README as its index, a page per file of docs/. */
@Controller
class ManualController {

    private final Manual manual;

    ManualController(Manual manual) {
        this.manual = manual;
    }

    @GetMapping({ "/docs", "/docs/" })
    ModelAndView index() {
        return page("index");
    }

    @GetMapping("/docs/{name:[a-z0-9-]+}")
    ModelAndView page(@PathVariable String name) {
        return this.manual.page(name)
            .map((page) -> new ModelAndView("manual/page",
                    Map.of("title", page.title(), "html", page.html(), "index", "index".equals(name))))
            .orElseGet(() -> {
                ModelAndView missing = new ModelAndView("error",
                        Map.of("status", 404, "error", "The manual has no page " + name + "."));
                missing.setStatus(HttpStatus.NOT_FOUND);
                return missing;
            });
    }

    @GetMapping("/docs/{name:[a-z0-9-]+}.png")
    ResponseEntity<byte[]> image(@PathVariable String name) {
        return this.manual.image(name + ".png")
            .map((bytes) -> ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.noCache())
                .body(bytes))
            .orElseGet(() -> ResponseEntity.notFound().build());
    }

}
