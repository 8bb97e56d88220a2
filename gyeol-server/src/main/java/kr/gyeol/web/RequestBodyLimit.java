package kr.gyeol.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.shared.GatewayProperties;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the bodies of Gyeol's JSON APIs ({@code /admin/**}, {@code /v1/**}) and the
 * overseas API ({@code /gpay/**}) at {@code gyeol.http.max-body} (64 KB by default): a
 * declared larger body is refused with 413 before it is read, and a chunked one stops
 * being read at the cap, which its parser then reports as a malformed body. The Payple
 * paths have their own cap of the same size in {@link LenientBodyParser}.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;

    RequestBodyLimit(GatewayProperties gateway) {
        this.maxBytes = gateway.http().maxBody().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/admin/") || path.equals("/admin") || path.startsWith("/v1/")
                || path.startsWith("/gpay/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            // The body is not read; the connection is closed rather than drained.
            response.setHeader("Connection", "close");
            JsonApiProblems.write(response, 413, "Content Too Large", "body-too-large",
                    "The body is larger than " + maxBytes + " bytes.");
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    /** A request whose body ends (as if truncated) after {@code maxBytes}. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long maxBytes;

        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {

                    private long read;

                    @Override
                    public int read() throws IOException {
                        if (read >= maxBytes) {
                            return -1;
                        }
                        int next = inner.read();
                        if (next >= 0) {
                            read++;
                        }
                        return next;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        if (read >= maxBytes) {
                            return -1;
                        }
                        int count = inner.read(buffer, offset, (int) Math.min(length, maxBytes - read));
                        if (count > 0) {
                            read += count;
                        }
                        return count;
                    }

                    @Override
                    public boolean isFinished() {
                        return read >= maxBytes || inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }

                };
            }
            return stream;
        }

    }

}
