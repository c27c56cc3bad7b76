package com.shopcare.complaints.service.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.shopcare.complaints.service.system.ProblemWriter;
import com.shopcare.complaints.service.system.Problems;
import com.shopcare.complaints.service.system.RequestBodyLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * One token bucket per shop: a shop may send {@code requests-per-second} on average and up to {@code burst} at
 * once, a request with a body over 1 KiB counting once more for each further KiB; beyond that it gets 429 with
 * {@code Retry-After}. Each shop has its own bucket, so one shop's flood uses
 * up only its own allowance. Runs after authentication, so only known shops are counted.
 */
@Component
class ShopRateLimit extends OncePerRequestFilter {

    /**
     * The bucket of the instance's own warm-up: it never runs out, and it makes the warm-up take the same path as a
     * shop's request, so that the first shop after start-up does not pay for loading and compiling it.
     */
    private static final long UNLIMITED = 1_000_000_000L;

    /** Each this many bytes of a body beyond the first count as one more request. */
    static final long BYTES_PER_REQUEST = 1024;

    private final ProblemWriter problems;
    private final LoadingCache<String, Bucket> buckets;
    private final Bucket unlimited = Bucket.builder()
            .addLimit(limit -> limit.capacity(UNLIMITED).refillGreedy(UNLIMITED, Duration.ofSeconds(1)))
            .build();

    ShopRateLimit(RateLimitProperties settings, ProblemWriter problems) {
        this.problems = problems;
        // Bounded and expiring, because JWT mode admits shops nobody configured.
        this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10))
                .build(shop -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(settings.burst())
                                .refillGreedy(settings.requestsPerSecond(), Duration.ofSeconds(1)))
                        .build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Bucket bucket = bucketOf(authentication);
        if (bucket != null) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, Problems.rateLimited(authentication.getName(), seconds));
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (bucket != null) {
                // A request costs more the larger its body (parsing it, and naming each offending field of an invalid
                // one): each KiB read beyond the first counts as one more request. Taken once the body is read, so a
                // chunked body counts too; the bucket may go into debt, and the shop's next requests wait for it.
                long extra = RequestBodyLimit.bytesRead(request) / BYTES_PER_REQUEST;
                if (extra > 0) {
                    bucket.consumeIgnoringRateLimits(extra);
                }
            }
        }
    }

    /** The shop's bucket; the unlimited one for the warm-up; null for admins and the unauthenticated. */
    private Bucket bucketOf(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            if (caller.role() != Caller.Role.SHOP) {
                return null;
            }
            return caller.rateLimited() ? buckets.get(caller.name()) : unlimited;
        }
        // A JWT: a shop named by its claim.
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_SHOP".equals(a.getAuthority()))
                ? buckets.get(authentication.getName()) : null;
    }
}
