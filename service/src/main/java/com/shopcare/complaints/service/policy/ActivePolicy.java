package com.shopcare.complaints.service.policy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyException;
import com.shopcare.complaints.engine.PolicyFileScanner;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.service.system.CheckFailedException;
import com.shopcare.complaints.service.system.NotFoundException;
import com.shopcare.complaints.service.system.PinRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.github.bucket4j.Bucket;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy every request is decided by, held behind one reference: a new version replaces it in one step, and
 * each request reads the reference once, so no request ever sees a mix of two versions. Start-up waits for the
 * compilation {@link PolicyCompilation} began early, once every other bean exists; a broken file stops start-up with
 * the file and the problem named. Later versions come from the store ({@link #refresh}, {@link #activate}).
 */
@Component
public class ActivePolicy implements SmartInitializingSingleton, DisposableBean {

    /**
     * The heap a compiled version takes per byte of its DMN files, for bounding the pinned versions by memory. An
     * estimate, not yet measured: it counts a version of the shipped tables as about 10 MB, an upper bound given
     * that the whole instance holds about 31 MB after a full GC with one version compiled (docs/BENCHMARKS.md).
     */
    static final long HEAP_PER_DMN_BYTE = 100;
    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final AtomicReference<Policy> current = new AtomicReference<>();
    /** Versions other than the active one, for {@code Policy-Version} and rollbacks, bounded by their estimated heap. */
    private final Cache<String, Pinned> pinned;
    /** Versions being compiled for a pin, one at a time, never on a request thread. */
    private final ThreadPoolTaskExecutor pinCompiler = new ThreadPoolTaskExecutor();
    private final Map<String, CompletableFuture<Policy>> compiling = new ConcurrentHashMap<>();
    /** Drafts compiled to decide complaints under them, the few newest: a lead tries a handful of cases on one. */
    private final Cache<String, Policy> drafts = Caffeine.newBuilder().maximumSize(4).build();
    /** Per shop: how many versions not yet compiled it may still have compiled this minute. */
    private final Cache<String, Bucket> pinBudgets;
    private final Duration pinWait;
    private final int pinsPerMinute;
    private final PolicyCompilation compilation;
    private final ApplicationEventPublisher events;
    private PolicyStore store;
    private PolicyCompiler compiler;
    private volatile boolean warm;
    /** True when the store tells this replica of changes itself; the {@link PolicyWatcher} then need not look. */
    private volatile boolean told;

    public ActivePolicy(ObjectProvider<PolicyCompilation> compilation, PolicyProperties properties,
                        ApplicationEventPublisher events) {
        // Started early by PolicyCompilation.StartEarly; an application built without it starts compiling here.
        this.compilation = compilation.getIfAvailable(() -> PolicyCompilation.start(properties.store(),
                properties.postgresql(), properties.folder()));
        this.events = events;
        this.pinned = Caffeine.newBuilder().maximumWeight(properties.pinnedMemory().toBytes())
                .weigher((String id, Pinned version) -> version.heapBytes()).build();
        this.pinsPerMinute = properties.pinsPerShopPerMinute();
        // Bounded and expiring, like the rate limit's buckets: JWT mode admits shops nobody configured.
        this.pinBudgets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();
        this.pinWait = properties.pinWait();
        pinCompiler.setCorePoolSize(1);
        pinCompiler.setMaxPoolSize(1);
        // A few waiting at most: beyond that a pin is answered 503 at once instead of queueing compilations.
        pinCompiler.setQueueCapacity(4);
        pinCompiler.setThreadNamePrefix("pin-compiler-");
        pinCompiler.initialize();
    }

    private Bucket pinBudget(String shop) {
        return pinBudgets.get(shop, s -> Bucket.builder()
                .addLimit(limit -> limit.capacity(pinsPerMinute).refillGreedy(pinsPerMinute, Duration.ofMinutes(1)))
                .build());
    }

    /** A compiled version and the heap it is estimated to take. */
    private record Pinned(Policy policy, int heapBytes) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        PolicyCompilation.Loaded loaded = compilation.await();
        store = loaded.store();
        compiler = loaded.compiler();
        current.set(loaded.policy());
        told = store.notifyChanges(this::refresh);
    }

    /** True when the store tells this replica of every change (PostgreSQL); false when it must be looked at. */
    boolean isToldOfChanges() {
        return told;
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

    /**
     * A published version, the active one or an older one, for an admin (activation): compiled here and now when it
     * is not compiled yet; 404 when there is none.
     */
    public Policy version(String id) {
        Policy known = compiledVersion(id);
        if (known != null) {
            return known;
        }
        requirePublished(id);
        return compileAndKeep(id);
    }

    /**
     * A published version a shop pins with {@code Policy-Version}. Never compiled on the request thread: a version
     * not compiled yet is compiled in the background, one at a time, at most {@code pins-per-shop-per-minute} for
     * one shop; the request waits for it up to {@code pin-wait}, and is otherwise answered 503 with Retry-After.
     */
    public Policy pinnedVersion(String id, String shop) {
        Policy known = compiledVersion(id);
        if (known != null) {
            return known;
        }
        requirePublished(id);
        CompletableFuture<Policy> compilation = compiling.get(id);
        if (compilation == null) {
            if (!pinBudget(shop).tryConsume(1)) {
                throw new PinRefusedException(429, "Shop '" + shop + "' has had as many versions compiled for it this"
                        + " minute as it may; pin a version compiled already (the active one needs no header), or retry"
                        + " later.", 60);
            }
            try {
                compilation = compiling.computeIfAbsent(id, version -> CompletableFuture.supplyAsync(
                        () -> compileAndKeep(version), pinCompiler));
            } catch (java.util.concurrent.RejectedExecutionException busy) {
                throw new PinRefusedException(503, "Other versions are being compiled; retry shortly.", 5);
            }
            CompletableFuture<Policy> started = compilation;
            started.whenComplete((policy, failure) -> compiling.remove(id, started));
        }
        try {
            return compilation.get(pinWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new PinRefusedException(503, "Version " + id + " is being compiled; retry shortly.", 2);
        } catch (ExecutionException e) {
            log.error("Policy {} is published but cannot be compiled here: {}", id, e.getCause().getMessage());
            throw new PinRefusedException(503, "Version " + id + " cannot be used on this instance.", 60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PinRefusedException(503, "Version " + id + " is being compiled; retry shortly.", 2);
        }
    }

    /**
     * A draft compiled, to decide complaints under it (admins only, so on the request's thread). A draft whose files
     * are unsafe is never given to the engine, as in its check; one that does not compile decides nothing: 409.
     */
    public Policy draft(String draftId) {
        if (store.draftDescription(draftId).isEmpty()) {
            throw new NotFoundException("There is no draft '" + draftId + "'.");
        }
        return drafts.get(draftId, id -> {
            PolicyFiles files = store.draftFiles(id);
            List<String> unsafe = PolicyFileScanner.scan(files);
            if (!unsafe.isEmpty()) {
                throw CheckFailedException.cannotDecide(id, unsafe);
            }
            try {
                return compiler.compile(files, id);
            } catch (PolicyException e) {
                throw CheckFailedException.cannotDecide(id, e.problems());
            }
        });
    }

    /** A draft compiled by its check, kept for the complaints a lead tries under it next. */
    void keepDraft(String draftId, Policy compiled) {
        drafts.put(draftId, compiled);
    }

    /** The active version or a compiled one from memory, without reading the store; null when not compiled here. */
    private Policy compiledVersion(String id) {
        Policy active = current();
        if (active.version().equals(id)) {
            return active;
        }
        Pinned compiled = pinned.getIfPresent(id);
        return compiled == null ? null : compiled.policy();
    }

    private void requirePublished(String id) {
        if (store.version(id).isEmpty()) {
            throw new NotFoundException("There is no published policy version '" + id + "'.");
        }
    }

    /** Reads the version's files once: for the compiler and for the heap its compiled form is estimated to take. */
    private Policy compileAndKeep(String id) {
        PolicyFiles files = store.files(id);
        return keep(id, compiler.compile(files, id), files);
    }

    private Policy keep(String id, Policy policy, PolicyFiles files) {
        long dmnBytes = files.files().values().stream().mapToLong(bytes -> bytes.length).sum();
        pinned.put(id, new Pinned(policy, (int) Math.min(Integer.MAX_VALUE, dmnBytes * HEAP_PER_DMN_BYTE)));
        return policy;
    }

    @Override
    public void destroy() {
        pinCompiler.shutdown();
        if (store != null) {
            store.close();
        }
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
            keep(previous.version(), previous, store.files(previous.version()));
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
            Pinned cached = pinned.getIfPresent(active);
            swapTo(cached != null ? cached.policy() : compiler.compile(store.files(active), active));
        } catch (PolicyException | IllegalArgumentException e) {
            log.error("Policy {} is active in the store but cannot be used here; {} keeps deciding: {}", active,
                    current().version(), e.getMessage());
        }
    }

    /** Published when another version starts deciding on this replica. */
    public record PolicyActivated(String version) {
    }
}
