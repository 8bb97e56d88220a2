package kr.gyeol.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type of one capability's edge that the other capabilities' edges may use: the edge's
 * named interface (Spring Modulith's {@code @NamedInterface}). Everything else in an edge
 * is its own. Only edges may use it: a domain never depends on an edge. Its nested types
 * are part of it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EdgeInterface {

}
