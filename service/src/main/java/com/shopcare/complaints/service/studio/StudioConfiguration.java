package com.shopcare.complaints.service.studio;

import com.shopcare.complaints.service.access.AccessConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Policy Studio, the business staff's page, served by the service itself at {@code /studio/} from the studio
 * module's jar. The page is public (it holds no data); everything it shows comes from the admin API, called with the
 * admin key the lead types in. Its files are served gzip-compressed where the browser accepts it (the build writes the
 * {@code .gz} copies); the editor, whose file name carries its version, is cached for a year, the page's own files are
 * checked again on every load. A strict Content-Security-Policy: scripts only from the service and the one inline
 * script the DMN editor writes into its frame (by hash, computed by the build); styles inline as the editor sets them.
 */
@Configuration(proxyBeanMethods = false)
class StudioConfiguration implements WebMvcConfigurer {

    static final String PATH = "/studio/";
    private static final String FILES = "classpath:/static/studio/";

    /** The policy every Studio response carries; {@link #contentSecurityPolicy()} fills in the editor's hash. */
    static final String CSP_TEMPLATE = "default-src 'none'; script-src 'self' '%s'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:;"
            + " frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/studio", PATH);
        registry.addViewController(PATH).setViewName("forward:" + PATH + "index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PATH + "vendor/**")
                .addResourceLocations(FILES + "vendor/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
        registry.addResourceHandler(PATH + "**")
                .addResourceLocations(FILES)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(true)
                .addResolver(new EncodedResourceResolver());
    }

    /** Before the API's chain: the page's files need no key, and carry the page's headers. */
    @Bean
    @Order(1)
    SecurityFilterChain studioPages(HttpSecurity http) throws Exception {
        String policy = contentSecurityPolicy();
        return AccessConfiguration.withoutSessionsOrLogins(http.securityMatcher("/studio", PATH + "**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /** The policy with the hash the studio module's build computed from the editor it packaged. */
    static String contentSecurityPolicy() {
        try (var in = new ClassPathResource("studio/csp-script-hash.txt").getInputStream()) {
            return CSP_TEMPLATE.formatted(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the studio module's CSP hash (studio/csp-script-hash.txt) is missing", e);
        }
    }
}
