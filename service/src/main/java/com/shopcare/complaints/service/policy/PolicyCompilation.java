package com.shopcare.complaints.service.policy;

import com.shopcare.complaints.engine.Policy;
import com.shopcare.complaints.engine.PolicyCompiler;
import com.shopcare.complaints.engine.PolicyFiles;
import com.shopcare.complaints.scenarios.ScenarioBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Opening the policy store and compiling its active version takes seconds, and nothing else at start-up depends on
 * it until the application is about to take requests. {@link StartEarly} starts it on its own thread as soon as the
 * configuration is known, before Spring builds the application context, and {@link ActivePolicy} waits for it at
 * the end of start-up.
 */
public final class PolicyCompilation {

    static final String BEAN_NAME = "policyCompilation";
    /** Where the store is when {@code decision.policy.store} is not set: next to the process's working directory. */
    static final String DEFAULT_STORE = "policy-store";
    private static final Logger log = LoggerFactory.getLogger(PolicyCompilation.class);

    /** The opened store, the compiler (its guards compiled once, for every later version too), and the active version. */
    record Loaded(PolicyStore store, PolicyCompiler compiler, Policy policy) {
    }

    private final CompletableFuture<Loaded> result = new CompletableFuture<>();

    private PolicyCompilation(Supplier<PolicyStore> store, String where) {
        // A thread of its own, before Spring's executors exist. Like every new thread, it inherits the context class
        // loader of the one starting it, the application's, through which KIE finds its services.
        new SimpleAsyncTaskExecutor("policy-start-up-").execute(() -> load(store, where));
    }

    /**
     * Opens the store (PostgreSQL when {@code database} has a url, else the folder {@code store}) and compiles its
     * active version; a new store starts with the tables of {@code seedFolder}, or the shipped ones.
     */
    static boolean onPostgres(PostgresPolicyStore.Database database) {
        return database != null && database.url() != null && !database.url().isBlank();
    }

    static PolicyCompilation start(Path store, PostgresPolicyStore.Database database, Path seedFolder) {
        // Read on the start-up thread, only when the store is new. The seed's own scenario files, else the shipped ones.
        Supplier<PolicyFiles> seedFiles = () -> ScenarioBook.withShippedScenariosIfNone(
                seedFolder == null ? PolicyFiles.shipped() : PolicyFiles.fromFolder(seedFolder));
        if (onPostgres(database)) {
            return new PolicyCompilation(() -> PostgresPolicyStore.open(database, seedFiles.get(), Clock.systemUTC()),
                    "PostgreSQL (" + database + ")");
        }
        Path folder = store == null ? Path.of(DEFAULT_STORE) : store;
        return new PolicyCompilation(() -> FilePolicyStore.open(folder, seedFiles.get(), Clock.systemUTC()),
                folder.toAbsolutePath().toString());
    }

    /** The store and the compiled active version; throws the compiler's {@code PolicyException} when a file is broken. */
    Loaded await() {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void load(Supplier<PolicyStore> opening, String where) {
        try {
            long started = System.nanoTime();
            // Its side-by-side steps on threads that, like this one, have the application's context class loader.
            PolicyCompiler compiler = new PolicyCompiler(PolicyCompiler.DEFAULT_CACHE_SIZE,
                    new SimpleAsyncTaskExecutor("policy-compiler-"));
            PolicyStore store = opening.get();
            String active = store.activeId().orElseThrow();
            Policy policy = compiler.compile(store.files(active), active);
            log.info("Policy {} compiled from the store {} in {} ms", active, where,
                    (System.nanoTime() - started) / 1_000_000);
            result.complete(new Loaded(store, compiler, policy));
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    /** Registered in {@code META-INF/spring.factories}, so it also runs for tests that start the application. */
    public static final class StartEarly implements ApplicationListener<ApplicationPreparedEvent> {
        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            Binder binder = Binder.get(event.getApplicationContext().getEnvironment());
            // Read once, here: a test store named with ${random.uuid} would differ on every read.
            Path store = binder.bind("decision.policy.store", Path.class).orElse(null);
            Path folder = binder.bind("decision.policy.folder", Path.class).orElse(null);
            PostgresPolicyStore.Database database = binder.bind("decision.policy.postgresql",
                    PostgresPolicyStore.Database.class).orElse(null);
            event.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, start(store, database, folder));
        }
    }
}
