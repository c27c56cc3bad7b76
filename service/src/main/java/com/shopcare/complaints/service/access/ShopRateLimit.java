package com.shopcare.complaints.service.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.shopcare.complaints.service.system.ProblemWriter;
import com.shopcare.complaints.service.system.Problems;
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
 * once; beyond that it gets 429 with {@code Retry-After}. Each shop has its own bucket, so one shop's flood uses
 * up only its own allowance. Runs after authentication, so only known shops are counted.
 */
@Component
class ShopRateLimit extends OncePerRequestFilter {

    private final ProblemWriter problems;
    private final LoadingCache<String, Bucket> buckets;

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
        if (isLimited(authentication)) {
            ConsumptionProbe probe = buckets.get(authentication.getName()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, Problems.rateLimited(authentication.getName(), seconds));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isLimited(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        if (authentication.getPrincipal() instanceof Caller caller) {
            return caller.role() == Caller.Role.SHOP && caller.rateLimited();
        }
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_SHOP".equals(a.getAuthority()));
    }
}
