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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * The limits of a request body, enforced while it is read, before anything parses it:
 * <ul>
 *   <li>size: by the declared length at once, and for chunked bodies while they are read (413);</li>
 *   <li>time: the whole body within {@code body-read-timeout} of the headers, however slowly it trickles (408);
 *       Tomcat's connection timeout only bounds the pause between two packets;</li>
 *   <li>slow bodies at once: a body still arriving after {@code slow-body-after} takes one of
 *       {@code max-slow-bodies} places, and is answered 503 when none is free, so that slow clients together
 *       cannot hold every request thread.</li>
 * </ul>
 * The refusal surfaces as a failed read, which the problem handler answers. Keeps a copy of what was read, so that
 * a body that cannot be bound can be checked field by field for the error response.
 */
@Component
// After the client address limit, before authentication: a body over the limit is refused unread.
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final String BODY_ATTRIBUTE = RequestBodyLimit.class.getName() + ".body";

    /** Policy uploads: DMN files and CSV files of past complaints are larger than a decision request. */
    private static final String POLICY_UPLOADS = "/v1/policy/";

    private final long maxBytes;
    private final long maxPolicyUploadBytes;
    private final Duration readTimeout;
    private final long slowAfterNanos;
    private final Semaphore slowBodies;
    private final ProblemWriter problems;

    RequestBodyLimit(@Value("${decision.max-request-bytes:65536}") long maxBytes,
                     @Value("${decision.max-policy-upload-bytes:1048576}") long maxPolicyUploadBytes,
                     ClientLimitsProperties limits, ProblemWriter problems) {
        this.maxBytes = maxBytes;
        this.maxPolicyUploadBytes = maxPolicyUploadBytes;
        this.readTimeout = limits.bodyReadTimeout();
        this.slowAfterNanos = limits.slowBodyAfter().toNanos();
        this.slowBodies = new Semaphore(limits.maxSlowBodies());
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
        LimitedRequest limited = new LimitedRequest(request, maxBytes);
        try {
            chain.doFilter(limited, response);
        } finally {
            limited.done();
        }
    }

    /** How many bytes of this request's body have been read so far. */
    public static long bytesRead(jakarta.servlet.ServletRequest request) {
        return request.getAttribute(BODY_ATTRIBUTE) instanceof LimitedStream limited ? limited.read : 0;
    }

    /** The body read so far for this request, or null when none was read. */
    static String bodyOf(jakarta.servlet.ServletRequest request) {
        Object stream = request.getAttribute(BODY_ATTRIBUTE);
        return stream instanceof LimitedStream limited ? limited.copy.toString(StandardCharsets.UTF_8) : null;
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {

        private final long maxBytes;
        private final long started = System.nanoTime();
        private LimitedStream stream;

        LimitedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), maxBytes, getContentLengthLong(), started);
                setAttribute(BODY_ATTRIBUTE, stream);
            }
            return stream;
        }

        void done() {
            if (stream != null) {
                stream.releaseSlowPlace();
            }
        }
    }

    private final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        /** The declared length, or -1 for a chunked body. */
        private final long length;
        private final long started;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private long read;
        private boolean complete;
        private boolean holdsSlowPlace;

        LimitedStream(ServletInputStream delegate, long maxBytes, long length, long started) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.length = length;
            this.started = started;
        }

        @Override
        public int read() throws IOException {
            beforeRead();
            int b = delegate.read();
            if (b >= 0) {
                count(1);
                copy.write(b);
            } else {
                complete = true;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            beforeRead();
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
                copy.write(buffer, offset, n);
            } else if (n < 0) {
                complete = true;
            }
            return n;
        }

        /** Checked before each read, so that a body trickling byte by byte is refused within a read of its budget. */
        private void beforeRead() throws RefusedBodyException {
            if (complete) {
                return;
            }
            long elapsed = System.nanoTime() - started;
            if (elapsed > readTimeout.toNanos()) {
                throw new RefusedBodyException(Problems.bodyTooSlow(readTimeout));
            }
            if (elapsed > slowAfterNanos && !holdsSlowPlace) {
                if (!slowBodies.tryAcquire()) {
                    throw new RefusedBodyException(Problems.tooManySlowBodies());
                }
                holdsSlowPlace = true;
            }
        }

        private void count(int n) throws RefusedBodyException {
            read += n;
            if (read > maxBytes) {
                throw new RefusedBodyException(Problems.payloadTooLarge(maxBytes));
            }
            if (read == length) {
                complete = true;
                releaseSlowPlace();
            }
        }

        void releaseSlowPlace() {
            if (holdsSlowPlace) {
                holdsSlowPlace = false;
                slowBodies.release();
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
