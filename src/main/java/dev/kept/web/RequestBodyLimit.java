package dev.kept.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body at {@code kept.http.max-request-body}, before anything reads it and
 * before authentication, so that nobody can make the server hold a large body in memory. A body
 * announced larger (Content-Length) is refused at once, unread; a body of unknown length (chunked)
 * is counted as it is read, and reading past the cap fails. Either ends as a 413: a problem document
 * on the API, the error page elsewhere. Tomcat's own limits (form posts, what it swallows of an
 * unread body) are set to the same size in {@code application.yml}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long max;
    private final String described;

    RequestBodyLimit(HttpProperties properties) {
        this.max = properties.maxRequestBody().toBytes();
        this.described = properties.describedMaxRequestBody();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > max) {
            refuse(request, response);
            return;
        }
        if (length >= 0) {
            // the container reads no more than the length announced
            chain.doFilter(request, response);
            return;
        }
        CountedRequest counted = new CountedRequest(request, max);
        try {
            chain.doFilter(counted, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!counted.exceeded || response.isCommitted()) {
                throw failure;
            }
            response.reset();
            refuse(request, response);
        }
    }

    /** Whether a failure was caused by reading a body past the cap. */
    static boolean isTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the rest of the body stays unread: close the connection instead of reading it to the end
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (PlainProblems.isApi(request)) {
            PlainProblems.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large",
                    "The request body is larger than " + described + ".",
                    request.getRequestURI());
        } else {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
        }
    }

    /** Thrown when a body of unknown length is read past the cap. */
    static final class BodyTooLargeException extends IOException {

        BodyTooLargeException(long max) {
            super("The request body is larger than " + max + " bytes");
        }
    }

    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final long max;
        private boolean exceeded;
        private ServletInputStream stream;
        private BufferedReader reader;

        CountedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountedStream(super.getInputStream());
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }

        private final class CountedStream extends ServletInputStream {

            private final ServletInputStream body;
            private long read;

            CountedStream(ServletInputStream body) {
                this.body = body;
            }

            @Override
            public int read() throws IOException {
                checkRoom();
                int b = body.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                checkRoom();
                // never more than one byte past the cap
                int n = body.read(buffer, offset, (int) Math.min(length, max - read + 1));
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public boolean isFinished() {
                return body.isFinished();
            }

            @Override
            public boolean isReady() {
                return body.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
                body.setReadListener(listener);
            }

            private void checkRoom() throws IOException {
                if (exceeded) {
                    throw new BodyTooLargeException(max);
                }
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > max) {
                    exceeded = true;
                    throw new BodyTooLargeException(max);
                }
            }
        }
    }
}
