package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.policy.Policy;
import com.shopcare.complaints.policy.PolicyCompiler;
import com.shopcare.complaints.policy.PolicyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy every request is decided by. Compiled once at start-up (a broken file stops start-up with the file and
 * the problem named) and held behind one reference, so that a new version can replace it atomically.
 */
@Component
public class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final AtomicReference<Policy> current = new AtomicReference<>();
    private final WarmUp warmUp;
    private volatile boolean warm;

    public ActivePolicy(PolicyProperties properties, WarmUp warmUp) {
        this.warmUp = warmUp;
        long started = System.nanoTime();
        PolicyFiles files = properties.folder() == null ? PolicyFiles.shipped() : PolicyFiles.fromFolder(properties.folder());
        Policy policy = new PolicyCompiler().compile(files);
        current.set(policy);
        log.info("Policy {} compiled from {} in {} ms", policy.version(),
                properties.folder() == null ? "the tables shipped with this release" : properties.folder().toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        warmUp.run(policy);
        warm = true;
    }

    public Policy current() {
        return current.get();
    }

    /** True once the policy is compiled and has decided its warm-up complaints. */
    public boolean isWarm() {
        return warm;
    }
}
