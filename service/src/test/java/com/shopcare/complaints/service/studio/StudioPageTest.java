package com.shopcare.complaints.service.studio;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Studio's files as a browser gets them: without a key, compressed, cached as they may be, with the page's CSP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StudioPageTest {

    @LocalServerPort
    int port;

    @Test
    void thePageIsServedWithoutAKeyWithTheTightestPolicyThatLetsTheEditorRun() {
        Reply page = get("/studio/", "identity");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("vendor/dmn-editor-standalone-10.2.0/index.js").doesNotContain("@EDITOR_SCRIPT@");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).isEqualTo(StudioConfiguration.contentSecurityPolicy())
                .startsWith("default-src 'none'; script-src 'self' 'sha256-")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(get("/studio", "identity").status()).isEqualTo(302);
    }

    @Test
    void theEditorIsServedCompressedAndCachedForAYear() {
        Reply editor = get("/studio/vendor/dmn-editor-standalone-10.2.0/index.js", "gzip");

        assertThat(editor.status()).isEqualTo(200);
        assertThat(editor.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(editor.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(Long.parseLong(editor.header("Content-Length"))).isLessThan(4_000_000);
        assertThat(editor.contentType()).startsWith("text/javascript");
    }

    @Test
    void theApiBehindThePageStillNeedsAnAdminKey() {
        assertThat(new ServiceClient(port, null).get("/v1/policy/versions").status()).isEqualTo(401);
        assertThat(get("/studio/../v1/policy/versions", "identity").status()).isIn(400, 401, 404);
    }

    private Reply get(String path, String encoding) {
        return new ServiceClient(port, null).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", encoding).GET());
    }
}
