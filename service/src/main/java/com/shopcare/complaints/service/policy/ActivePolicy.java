package com.shopcare.complaints.service.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyException;
import com.shopcare.complaints.service.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy every request is decided by, held behind one reference: a new version replaces it in one step, and
 * each request reads the reference once, so no request ever sees a mix of two versions. Start-up waits for the
 * compilation {@link PolicyCompilation} began early, once every other bean exists; a broken file stops start-up with
 * the file and the problem named. Later versions come from the store ({@link #refresh}, {@link #activate}).
 */
@Component
public class ActivePolicy implements SmartInitializingSingleton {

    /** Old versions a request may pin with {@code Policy-Version}, compiled on first use and kept this many at most. */
    private static final int PINNED_VERSIONS = 8;
    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final AtomicReference<Policy> current = new AtomicReference<>();
    private final Cache<String, Policy> pinned = Caffeine.newBuilder().maximumSize(PINNED_VERSIONS).build();
    private final PolicyCompilation compilation;
    private final ApplicationEventPublisher events;
    private PolicyStore store;
    private PolicyCompiler compiler;
    private volatile boolean warm;

    public ActivePolicy(ObjectProvider<PolicyCompilation> compilation, PolicyProperties properties,
                        ApplicationEventPublisher events) {
        // Started early by PolicyCompilation.StartEarly; an application built without it starts compiling here.
        this.compilation = compilation.getIfAvailable(() -> PolicyCompilation.start(properties.store(), properties.folder()));
        this.events = events;
    }

    @Override
    public void afterSingletonsInstantiated() {
        PolicyCompilation.Loaded loaded = compilation.await();
        store = loaded.store();
        compiler = loaded.compiler();
        current.set(loaded.policy());
    }

    /** Called once the policy and the whole request path have been warmed up (see {@link WarmUp}). */
    void markWarm() {
        warm = true;
    }

    public Policy current() {
        Policy policy = current.get();
        if (policy == null) {
            throw new IllegalStateException("the policy is still being compiled");
        }
        return policy;
    }

    /** A published version, the active one or an older one (compiled once, then kept); 404 when there is none. */
    public Policy version(String id) {
        Policy active = current();
        if (active.version().equals(id)) {
            return active;
        }
        // Pinned versions already compiled are answered from memory: no store read on the request path.
        Policy compiled = pinned.getIfPresent(id);
        if (compiled != null) {
            return compiled;
        }
        if (store.version(id).isEmpty()) {
            throw new NotFoundException("There is no published policy version '" + id + "'.");
        }
        return pinned.get(id, version -> compiler.compile(store.files(version), version));
    }

    /** True once the policy is compiled and it and the HTTP path have decided their warm-up complaints. */
    public boolean isWarm() {
        return warm;
    }

    PolicyStore store() {
        return store;
    }

    PolicyCompiler compiler() {
        return compiler;
    }

    /** Makes a compiled, published version the one that decides here, in one step. */
    synchronized void swapTo(Policy policy) {
        Policy previous = current.getAndSet(policy);
        if (previous != null && !previous.version().equals(policy.version())) {
            pinned.put(previous.version(), previous);
            log.info("Policy {} is active (was {})", policy.version(), previous.version());
            events.publishEvent(new PolicyActivated(policy.version()));
        }
    }

    /**
     * Follows the store: when another replica (or an operator) has activated another version, compiles it and swaps
     * to it. A version that does not compile is logged and skipped; the current one keeps deciding.
     */
    void refresh() {
        String active = store.activeId().orElse(null);
        if (active == null || active.equals(current().version())) {
            return;
        }
        try {
            Policy cached = pinned.getIfPresent(active);
            swapTo(cached != null ? cached : compiler.compile(store.files(active), active));
        } catch (PolicyException | IllegalArgumentException e) {
            log.error("Policy {} is active in the store but cannot be used here; {} keeps deciding: {}", active,
                    current().version(), e.getMessage());
        }
    }

    /** Published when another version starts deciding on this replica. */
    public record PolicyActivated(String version) {
    }
}
