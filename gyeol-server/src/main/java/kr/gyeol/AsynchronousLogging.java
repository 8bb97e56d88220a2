package kr.gyeol;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.classic.AsyncAppender;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Log lines are written by one background thread, not by the request that logs them: a
 * charge's outcome line no longer waits on the console (a slow pipe or disk showed in the
 * charge latency's tail). Every line is kept: a full queue (8,192 lines) makes the logger
 * wait rather than drop one, and the queue is written out when the gateway stops.
 * {@code gyeol.logging.asynchronous=false} writes each line as it is logged (the tests,
 * which read what was logged at once, do so).
 *
 * <p>
 * Runs right after Spring Boot configured logging, and wraps whatever appenders that left
 * on the root logger (console, file, structured formats alike).
 */
public final class AsynchronousLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final int QUEUE = 8192;

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (!event.getEnvironment().getProperty("gyeol.logging.asynchronous", Boolean.class, true)
                || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        for (Appender<ILoggingEvent> appender : appenders) {
            if (appender instanceof AsyncAppender) {
                continue;
            }
            AsyncAppender async = new AsyncAppender();
            async.setContext(context);
            async.setName("ASYNC-" + appender.getName());
            async.setQueueSize(QUEUE);
            // Never drop a line, whatever its level, and never skip one when full.
            async.setDiscardingThreshold(0);
            async.setNeverBlock(false);
            async.setMaxFlushTime(10_000);
            async.addAppender(appender);
            async.start();
            root.addAppender(async);
            root.detachAppender(appender);
        }
    }

}
