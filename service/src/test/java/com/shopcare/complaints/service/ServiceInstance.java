package com.shopcare.complaints.service;

import com.shopcare.complaints.service.policy.PostgresPolicyStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One more instance of the service in this JVM, on its own real port and its own policy store, for tests about
 * what several replicas, restarts and publishing do. The shared test context stays untouched.
 */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance on {@code store}; {@code extra} are more {@code --name=value} arguments. */
    public static ServiceInstance start(Path store, String... extra) {
        return run(List.of("--decision.policy.store=" + store.toAbsolutePath()), extra);
    }

    /** Starts an instance whose store is the PostgreSQL database {@code database}. */
    public static ServiceInstance onPostgres(PostgresPolicyStore.Database database, String... extra) {
        return run(List.of("--decision.policy.postgresql.url=" + database.url(),
                "--decision.policy.postgresql.username=" + database.username(),
                "--decision.policy.postgresql.password=" + database.password()), extra);
    }

    private static ServiceInstance run(List<String> store, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0"));
        args.addAll(store);
        args.addAll(List.of(extra));
        return new ServiceInstance(new SpringApplicationBuilder(ComplaintDecisionsApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ServiceClient shop() {
        return new ServiceClient(port(), TestKeys.SHOP_EU_1);
    }

    public ServiceClient admin() {
        return new ServiceClient(port(), TestKeys.ADMIN);
    }

    @Override
    public void close() {
        context.close();
    }
}
