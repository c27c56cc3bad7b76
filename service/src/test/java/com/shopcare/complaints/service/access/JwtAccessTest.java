package com.shopcare.complaints.service.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.shopcare.complaints.service.ComplaintDecisionsApplication;
import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shops authenticating with JWTs from an identity provider instead of API keys. The provider is a real HTTP server
 * in the test, publishing its discovery document and the public half of a key pair generated here; the service finds
 * it through {@code issuer-uri} as it would find a real one.
 */
class JwtAccessTest {

    private static final String AUDIENCE = "complaint-decisions";

    private static RSAKey signingKey;
    private static HttpServer identityProvider;
    private static String issuer;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        identityProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort();
        serve("/.well-known/openid-configuration", "{\"issuer\": \"" + issuer + "\", \"jwks_uri\": \"" + issuer
                + "/jwks\", \"subject_types_supported\": [\"public\"], \"response_types_supported\": [\"code\"],"
                + " \"id_token_signing_alg_values_supported\": [\"RS256\"]}");
        serve("/jwks", new JWKSet(signingKey.toPublicJWK()).toString());
        identityProvider.start();
        app = SpringApplication.run(ComplaintDecisionsApplication.class, "--server.port=0",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        identityProvider.stop(0);
    }

    @Test
    void tokenNamingAShopGetsThatShopsDecision() throws Exception {
        Reply reply = decide(token(claims -> claims.claim("shop_id", "shop-jwt")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("shopId").asString()).isEqualTo("shop-jwt");
    }

    @Test
    void tokenOfOneShopCannotAskAboutAnother() throws Exception {
        String token = token(claims -> claims.claim("shop_id", "shop-jwt"));

        Reply reply = new ServiceClient(port, token).post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsUnauthorized() throws Exception {
        Reply reply = decide(token(claims -> claims.claim("shop_id", "shop-jwt").audience("some-other-service")));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    void expiredTokenIsUnauthorized() throws Exception {
        Instant anHourAgo = Instant.now().minusSeconds(3_600);
        Reply reply = decide(token(claims -> claims.claim("shop_id", "shop-jwt")
                .issueTime(Date.from(anHourAgo.minusSeconds(600))).expirationTime(Date.from(anHourAgo))));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void tokenWithoutAShopIsUnauthorized() throws Exception {
        assertThat(decide(token(claims -> { })).status()).isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();

        Reply reply = decide(token(stranger, claims -> claims.claim("shop_id", "shop-jwt")));

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void adminKeysStillOpenTheAdminEndpoints() {
        assertThat(new ServiceClient(port, TestKeys.ADMIN).get("/v1/policy").status()).isEqualTo(200);
    }

    private static Reply decide(String token) {
        return new ServiceClient(port, token).postJson("/v1/decisions", Requests.without("shopId"));
    }

    private static String token(Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
        return token(signingKey, claims);
    }

    private static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> claims) throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(issuer).subject("shop-backend")
                .audience(AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        claims.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), builder.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static void serve(String path, String json) {
        identityProvider.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
