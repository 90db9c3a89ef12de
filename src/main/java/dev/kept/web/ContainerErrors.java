package dev.kept.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Some requests Tomcat refuses itself, before any filter or Spring sees them: a path with a NUL
 * character or an encoded slash or backslash, a malformed or too long request line, headers too
 * long to read. Tomcat answers those through the error report valve of its host; this one writes a
 * problem document for the API and Tomcat's short page, without server details or a stack trace,
 * elsewhere. A request line too long to be read leaves no path at all (Tomcat stops before it has
 * one), so it is answered with a problem document whatever it asked for.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            ProblemReportValve valve = new ProblemReportValve();
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            pipeline.addValve(valve);
            // else the host adds Tomcat's own valve when it starts
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
        });
    }

    /** After Boot's customizer, which puts Tomcat's valve on the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report valve, answering API requests with a problem document. */
    public static class ProblemReportValve extends ErrorReportValve {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            // a request line too long to read leaves no path to tell an API request by: the problem
            // document reads well enough in a browser too
            if (request.getRequestURI() != null && !PlainProblems.isApi(request)) {
                super.report(request, response, throwable);
                return;
            }
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400 ? "The request is malformed." : "The request could not be answered.";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JSON.writeValueAsString(PlainProblems.body(status, title, detail, null)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone, or the answer was already written
            }
        }
    }
}
