package com.shopcare.complaints.service.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What one client may hold of the server's request threads (docs/adr/0015-threat-model.md), e.g.
 * {@code --decision.client-limits.max-concurrent-per-address=16}.
 *
 * @param maxConcurrentPerAddress requests one client address may have in progress at once; more are answered 429
 *                                at once, their bodies unread
 * @param bodyReadTimeout         a request's body must have arrived this long after its headers, however it
 *                                trickles (408 after that)
 * @param slowBodyAfter           a body still arriving this long after its headers is a slow one
 * @param maxSlowBodies           slow bodies read at once, over all clients; a further slow one is answered 503
 */
@ConfigurationProperties("decision.client-limits")
public record ClientLimitsProperties(@DefaultValue("32") int maxConcurrentPerAddress,
                                     @DefaultValue("10s") Duration bodyReadTimeout,
                                     @DefaultValue("250ms") Duration slowBodyAfter,
                                     @DefaultValue("64") int maxSlowBodies) {

    public ClientLimitsProperties {
        if (maxConcurrentPerAddress < 1 || maxSlowBodies < 1) {
            throw new IllegalArgumentException(
                    "decision.client-limits.max-concurrent-per-address and .max-slow-bodies must be at least 1");
        }
        if (slowBodyAfter.isNegative() || slowBodyAfter.isZero() || bodyReadTimeout.compareTo(slowBodyAfter) <= 0) {
            throw new IllegalArgumentException(
                    "decision.client-limits.body-read-timeout must be longer than .slow-body-after, which must be positive");
        }
    }
}
