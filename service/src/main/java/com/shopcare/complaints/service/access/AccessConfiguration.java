package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.system.ProblemWriter;
import com.shopcare.complaints.service.system.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.List;

/**
 * Who may call what. Shops authenticate with an API key or, when an issuer is configured, a JWT; admins with an
 * admin key. Decisions need a shop, the policy and operator endpoints an admin; health is open. Every refusal is
 * a problem detail.
 */
@Configuration(proxyBeanMethods = false)
public class AccessConfiguration {

    @Bean
    ApiKeys apiKeys(AccessProperties properties) {
        return ApiKeys.parse(properties.apiKeys(), properties.adminKeys(), properties.metricsKeys());
    }

    @Bean
    AuthenticationManagerResolver<HttpServletRequest> authenticationManagers(ApiKeys keys, AccessProperties properties,
                                                                            ObjectProvider<JwtDecoder> jwtDecoder) {
        AuthenticationManager byKey = authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return keys.find(token).map(KeyAuthentication::new)
                    .orElseThrow(() -> new InvalidBearerTokenException("unknown key"));
        };
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder == null) {
            return request -> byKey;
        }
        JwtAuthenticationProvider jwtProvider = new JwtAuthenticationProvider(decoder);
        jwtProvider.setJwtAuthenticationConverter(jwt -> shopToken(jwt, properties.shopClaim()));
        AuthenticationManager byJwt = new ProviderManager(jwtProvider);
        // A JWT has three dot-separated parts; the generated API keys have none. Admin keys keep working.
        return request -> looksLikeJwt(request.getHeader("Authorization")) ? byJwt : byKey;
    }

    private static JwtAuthenticationToken shopToken(Jwt jwt, String shopClaim) {
        String shop = jwt.getClaimAsString(shopClaim);
        if (shop == null || !shop.matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new InvalidBearerTokenException("the token names no shop in claim '" + shopClaim + "'");
        }
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_SHOP")), shop);
    }

    private static boolean looksLikeJwt(String authorization) {
        return authorization != null && authorization.chars().filter(c -> c == '.').count() == 2;
    }

    /** The rate limit runs inside the security chain, after authentication; not a second time as a servlet filter. */
    @Bean
    FilterRegistrationBean<ShopRateLimit> rateLimitOnlyInTheSecurityChain(ShopRateLimit rateLimit) {
        FilterRegistrationBean<ShopRateLimit> registration = new FilterRegistrationBean<>(rateLimit);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * What every chain of the service has: no session, no login form, no cookies to forge requests with; each request
     * stands on its own key (or, for the Studio's page, on none).
     */
    public static HttpSecurity withoutSessionsOrLogins(HttpSecurity http) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    @Bean
    SecurityFilterChain accessRules(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> managers,
                                    ShopRateLimit rateLimit, ProblemWriter problems) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(request, response, Problems.unauthorized());
        };
        AccessDeniedHandler denied = (request, response, exception) -> problems.write(request, response,
                Problems.forbidden("This key does not open " + request.getRequestURI() + "."));
        return withoutSessionsOrLogins(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .requestMatchers("/v1/decisions").hasRole("SHOP")
                        // A scraper's key reads the metrics and nothing else: it cannot publish a policy.
                        .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
                        .requestMatchers("/v1/policy", "/v1/policy/**", "/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(managers)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterAfter(rateLimit, AuthorizationFilter.class)
                .build();
    }
}
