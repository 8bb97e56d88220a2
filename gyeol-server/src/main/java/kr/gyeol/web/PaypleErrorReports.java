package kr.gyeol.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * A request Tomcat refuses before any servlet runs (a header it cannot parse, one over
 * its size limit) is answered by the host's error report valve. On a Payple path that
 * answer is Payple's: HTTP 200 with the operation's JSON error, as every Payple answer is
 * (design rule 9), never Tomcat's HTML page. Elsewhere Tomcat's page stays, without its
 * server details.
 */
@Configuration(proxyBeanMethods = false)
class PaypleErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final ObjectProvider<PaypleController> controller;

    PaypleErrorReports(ObjectProvider<PaypleController> controller) {
        this.controller = controller;
    }

    /** After Spring Boot's own customizer, which puts a plain error report valve in. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers((context) -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                // Named as the host's error report valve, so the host adds no other.
                host.setErrorReportValveClass(PaypleAware.class.getName());
                host.getPipeline().addValve(new PaypleAware(this.controller));
            }
        });
    }

    /** Tomcat's error report valve, answering Payple paths in Payple's shape. */
    static final class PaypleAware extends ErrorReportValve {

        private final ObjectProvider<PaypleController> controller;

        PaypleAware(ObjectProvider<PaypleController> controller) {
            this.controller = controller;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            PaypleController payple = this.controller.getIfAvailable();
            if (uri == null || !uri.startsWith("/php/") || payple == null || response.getStatus() < 400
                    || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            if (!response.setErrorReported()) {
                return;
            }
            try {
                byte[] body = payple.refusalBeforeParsing(uri);
                response.setStatus(200);
                response.setContentType(PaypleController.JSON_UTF8.toString());
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write(new String(body, StandardCharsets.UTF_8));
                    response.finishResponse();
                }
            }
            catch (IOException | IllegalStateException e) {
                // The connection is gone or the answer half written: nothing more to say.
            }
        }

    }

}
