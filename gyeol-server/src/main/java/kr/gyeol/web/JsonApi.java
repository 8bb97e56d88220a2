package kr.gyeol.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of Gyeol's own JSON APIs (admin, {@code /v1}): outside the Payple
 * wire, its errors are RFC 9457 problems with a stable {@code code}, never an HTML page
 * or a stack trace (see {@link JsonApiProblems}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonApi {

    /**
     * The request attribute holding the partner a JSON API call authenticated as (the
     * partner capability's {@code AdminAuthentication} sets it): controllers read it with
     * {@code @RequestAttribute(JsonApi.PARTNER)}.
     */
    String PARTNER = "gyeol.admin.partner";

}
