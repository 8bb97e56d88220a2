package kr.gyeol.window.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The window's texts from {@code messages/window.properties}: in Korean, as Payple's
 * window shows them, whatever language the customer's browser asks for.
 */
@Component
class WindowMessages {

    private final MessageSource source;

    WindowMessages(MessageSource source) {
        this.source = source;
    }

    String get(String code, Object... arguments) {
        return this.source.getMessage(code, arguments, Locale.KOREAN);
    }

}
