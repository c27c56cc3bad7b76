package com.shopcare.complaints.service.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies over the limit before anything parses them: by the declared length at once, and for
 * chunked bodies while they are read (the read fails, and the problem handler answers 413). Keeps a copy of what
 * was read, so that a body that cannot be bound can be checked field by field for the error response.
 */
@Component
// Right after the correlation id, and before authentication: a body over the limit is refused unread.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimit extends OncePerRequestFilter {

    private static final String BODY_ATTRIBUTE = RequestBodyLimit.class.getName() + ".body";

    /** Policy uploads: DMN files and CSV files of past complaints are larger than a decision request. */
    private static final String POLICY_UPLOADS = "/v1/policy/";

    private final long maxBytes;
    private final long maxPolicyUploadBytes;
    private final ProblemWriter problems;

    RequestBodyLimit(@Value("${decision.max-request-bytes:65536}") long maxBytes,
                     @Value("${decision.max-policy-upload-bytes:1048576}") long maxPolicyUploadBytes,
                     ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.maxPolicyUploadBytes = maxPolicyUploadBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = request.getRequestURI().startsWith(POLICY_UPLOADS) ? maxPolicyUploadBytes : this.maxBytes;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, Problems.payloadTooLarge(maxBytes));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    /** The body read so far for this request, or null when none was read. */
    static String bodyOf(jakarta.servlet.ServletRequest request) {
        Object stream = request.getAttribute(BODY_ATTRIBUTE);
        return stream instanceof LimitedStream limited ? limited.copy.toString(java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                LimitedStream limited = new LimitedStream(super.getInputStream(), maxBytes);
                setAttribute(BODY_ATTRIBUTE, limited);
                stream = limited;
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private final java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        private long read;

        LimitedStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                copy.write(buffer, offset, n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
