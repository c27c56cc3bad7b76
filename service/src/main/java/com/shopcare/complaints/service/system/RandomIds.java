package com.shopcare.complaints.service.system;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers for decisions and requests: 122 random bits in the form of a version 4 UUID. They identify, they do
 * not protect anything, so they come from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} draws from the JDK's
 * SecureRandom, which serialises every request thread on one lock (docs/BENCHMARKS.md, the HTTP profile).
 */
public final class RandomIds {

    private RandomIds() {
    }

    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
