package kr.gyeol.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.ControllerAdvice;

import static kr.gyeol.console.web.ConsolePages.texts;

/**
 * What cannot be found (or is another partner's) on any console page is a page of the
 * console's own.
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
class ConsoleErrors {

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView notFound(ResponseStatusException failure, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("console/not-found", texts(request, response));
        page.setStatus(failure.getStatusCode());
        return page;
    }

}
