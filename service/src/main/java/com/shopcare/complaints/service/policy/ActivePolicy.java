package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.policy.Policy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The policy every request is decided by, held behind one reference so that a new version can replace it
 * atomically. Start-up waits for the compilation {@link PolicyCompilation} began early, once every other bean
 * exists; a broken file stops start-up with the file and the problem named.
 */
@Component
public class ActivePolicy implements SmartInitializingSingleton {

    private final AtomicReference<Policy> current = new AtomicReference<>();
    private final PolicyCompilation compilation;
    private volatile boolean warm;

    public ActivePolicy(ObjectProvider<PolicyCompilation> compilation, PolicyProperties properties) {
        // Started early by PolicyCompilation.StartEarly; an application built without it starts compiling here.
        this.compilation = compilation.getIfAvailable(() -> PolicyCompilation.start(properties.folder()));
    }

    @Override
    public void afterSingletonsInstantiated() {
        current.set(compilation.await());
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

    /** True once the policy is compiled and it and the HTTP path have decided their warm-up complaints. */
    public boolean isWarm() {
        return warm;
    }
}
