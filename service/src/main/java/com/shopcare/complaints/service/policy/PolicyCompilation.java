package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.policy.Policy;
import com.shopcare.complaints.policy.PolicyCompiler;
import com.shopcare.complaints.policy.PolicyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Compiling the policy takes seconds, and nothing else at start-up depends on it until the application is about to
 * take requests. {@link StartEarly} starts it on its own thread as soon as the configuration is known, before
 * Spring builds the application context, and {@link ActivePolicy} waits for it at the end of start-up.
 */
public final class PolicyCompilation {

    static final String BEAN_NAME = "policyCompilation";
    private static final Logger log = LoggerFactory.getLogger(PolicyCompilation.class);

    private final CompletableFuture<Policy> result = new CompletableFuture<>();

    private PolicyCompilation(Path folder) {
        Thread compiler = new Thread(() -> compile(folder), "policy-start-up");
        // KIE finds its services through the context class loader: in a Spring Boot jar it must be the application's.
        compiler.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        compiler.start();
    }

    static PolicyCompilation start(Path folder) {
        return new PolicyCompilation(folder);
    }

    /** The compiled policy; throws the compiler's {@code PolicyException} when a file is broken. */
    Policy await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void compile(Path folder) {
        try {
            long started = System.nanoTime();
            Policy policy = new PolicyCompiler().compile(folder == null ? PolicyFiles.shipped() : PolicyFiles.fromFolder(folder));
            log.info("Policy {} compiled from {} in {} ms", policy.version(),
                    folder == null ? "the tables shipped with this release" : folder.toAbsolutePath(),
                    (System.nanoTime() - started) / 1_000_000);
            result.complete(policy);
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    /** Registered in {@code META-INF/spring.factories}, so it also runs for tests that start the application. */
    public static final class StartEarly implements ApplicationListener<ApplicationPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            Path folder = Binder.get(event.getApplicationContext().getEnvironment())
                    .bind("decision.policy.folder", Path.class).orElse(null);
            event.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, start(folder));
        }
    }
}
