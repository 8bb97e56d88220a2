package kr.gyeol.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import kr.gyeol.idempotency.IdempotencyKeys;
import kr.gyeol.shared.PartnerId;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on Gyeol's JSON APIs ({@code /admin/**}, {@code /v1/**}): a
 * POST, PUT, PATCH or DELETE with the header runs once per partner and key; a retry gets
 * the first answer again (status, type and body, marked {@code Idempotent-Replayed:
 * true}); the same key with another request is refused with 422; a duplicate that arrives
 * while the first runs waits for it, or gets 409. Answers of 500 and above are not kept,
 * so a retry after a gateway failure runs again. A caller without valid credentials
 * passes through to the 401 of the authentication.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class JsonIdempotency extends OncePerRequestFilter {

    private final IdempotencyKeys keys;

    private final Callers callers;

    JsonIdempotency(IdempotencyKeys keys, Callers callers) {
        this.keys = keys;
        this.callers = callers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        return request.getHeader(Idempotency.HEADER) == null
                || !(path.startsWith("/admin/") || path.equals("/admin") || path.startsWith("/v1/"))
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                        || method.equals("DELETE"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(Idempotency.HEADER);
        String authorization = request.getHeader("Authorization");
        Optional<PartnerId> partner = this.callers.ofBasic(authorization, request.getRemoteAddr());
        if (partner.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!IdempotencyKeys.valid(key)) {
            JsonApiProblems.write(response, 400, "Bad Request", "invalid-idempotency-key",
                    "Idempotency-Key is 1 to 255 printable ASCII characters.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String path = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        IdempotencyKeys.Claim claim = this.keys.claim(partner.get(), key,
                Idempotency.hash(request.getMethod(), path, body));
        switch (claim) {
            case IdempotencyKeys.Claim.Run run ->
                run(partner.get(), key, new Replayable(request, body), response, chain);
            case IdempotencyKeys.Claim.Replay replay -> {
                response.setStatus(replay.status());
                if (replay.contentType() != null) {
                    response.setContentType(replay.contentType());
                }
                response.setHeader(Idempotency.REPLAYED, "true");
                byte[] answer = replay.body() == null ? new byte[0] : replay.body();
                response.setContentLength(answer.length);
                response.getOutputStream().write(answer);
            }
            case IdempotencyKeys.Claim.Mismatch mismatch ->
                JsonApiProblems.write(response, 422, "Unprocessable Content", "idempotency-key-reused",
                        "This Idempotency-Key was used for another request; use a new key for a new request.");
            case IdempotencyKeys.Claim.InProgress inProgress ->
                JsonApiProblems.write(response, 409, "Conflict", "idempotency-key-in-progress",
                        "The first request with this Idempotency-Key has not answered yet; retry it shortly.");
        }
    }

    private void run(PartnerId partner, String key, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
        }
        catch (ServletException | IOException | RuntimeException e) {
            this.keys.release(partner, key);
            throw e;
        }
        if (recorded.getStatus() >= 500) {
            this.keys.release(partner, key);
        }
        else {
            this.keys.complete(partner, key, recorded.getStatus(), recorded.getContentType(),
                    recorded.getContentAsByteArray());
        }
        recorded.copyBodyToResponse();
    }

    /** The request with its body, already read for the hash, to read again. */
    private static final class Replayable extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(this.body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }

            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

    }

}
