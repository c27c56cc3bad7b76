package com.shopcare.complaints.service.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * At most so many requests in progress per client address, so that one client (a slow or a flooding one, with or
 * without a key) cannot hold every request thread. Counted before anything reads the body or the key; a request
 * over the limit is answered 429 at once, its body unread, and its connection closed (as every error's is:
 * {@link RefusedRequestsCloseTheirConnection}). Behind a proxy the address is
 * the proxy's unless {@code server.forward-headers-strategy} is set (README, "Running behind a proxy").
 */
@Component
// After the correlation id and the closing of refused connections; before the body's limits and the key.
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ClientAddressLimit extends OncePerRequestFilter {

    private final int maxPerAddress;
    private final ProblemWriter problems;
    private final ConcurrentHashMap<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();

    ClientAddressLimit(ClientLimitsProperties limits, ProblemWriter problems) {
        this.maxPerAddress = limits.maxConcurrentPerAddress();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        int count = inProgress.compute(address, (key, counter) -> {
            AtomicInteger c = counter == null ? new AtomicInteger() : counter;
            c.incrementAndGet();
            return c;
        }).get();
        try {
            if (count > maxPerAddress) {
                response.setHeader("Retry-After", "1");
                problems.write(request, response, Problems.tooManyFromOneAddress(maxPerAddress));
                return;
            }
            chain.doFilter(request, response);
        } finally {
            // The entry goes with the last request, so that the map holds only addresses with requests in progress.
            inProgress.computeIfPresent(address, (key, counter) -> counter.decrementAndGet() == 0 ? null : counter);
        }
    }
}
