package com.shopcare.complaints.service.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the store's active pointer every {@code decision.policy.watch-interval} (one second by default), so that
 * every replica sharing the store follows a publish or a rollback made on any of them within a few seconds.
 */
@Component
class PolicyWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicyWatcher.class);

    private final ActivePolicy activePolicy;
    private final PolicyProperties properties;
    private ScheduledExecutorService executor;

    PolicyWatcher(ActivePolicy activePolicy, PolicyProperties properties) {
        this.activePolicy = activePolicy;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ClassLoader application = Thread.currentThread().getContextClassLoader();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "policy-watcher");
            // KIE finds its services through the context class loader: in a Spring Boot jar it must be the application's.
            thread.setContextClassLoader(application);
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.watchInterval().toMillis();
        executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            activePolicy.refresh();
        } catch (RuntimeException e) {
            // A store that cannot be read for a moment (a network volume) must not stop the watching.
            log.warn("The policy store could not be read: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
