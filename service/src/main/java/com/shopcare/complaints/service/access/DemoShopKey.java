package com.shopcare.complaints.service.access;

import com.shopcare.complaints.service.policy.PolicyProperties;
import com.shopcare.complaints.service.policy.PolicyWarmedUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The key of shop {@code demo}, which an instance started without shop keys (and without JWTs) accepts, so that a
 * newcomer's first try works by copy and paste; never what a real installation runs with. With the folder store the
 * key is kept in the store ({@value #FILE_NAME}, readable by its owner only), so the key a newcomer copied keeps
 * working after a restart, also the restart that adds admin keys. It is printed once, on its own line, when the
 * instance is ready: after the start-up and warm-up lines, not among them.
 */
@Component
class DemoShopKey {

    static final String FILE_NAME = "demo-shop-key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger log = LoggerFactory.getLogger(DemoShopKey.class);

    /** Null when real shop keys or JWTs are configured. */
    private final String key;
    private final Path file;

    DemoShopKey(ApiKeys keys, PolicyProperties policy, ObjectProvider<JwtDecoder> jwtDecoder) {
        if (keys.hasShopKeys() || jwtDecoder.getIfAvailable() != null) {
            this.key = null;
            this.file = null;
            return;
        }
        Path folder = policy.storeFolder();
        this.file = folder == null ? null : folder.resolve(FILE_NAME);
        this.key = keptOrNew(file);
        keys.addKey("demo", key);
    }

    @EventListener
    void announce(PolicyWarmedUp ready) {
        if (key == null) {
            return;
        }
        log.warn("Ready. Demo shop key: {}", key);
        log.warn("It is {}. Configure real keys as DECISION_API_KEYS=shopId=sha256hex,... (the SHA-256 of each key"
                + " in lower-case hex, e.g. printf %s \"$KEY\" | sha256sum) and admin keys the same way in"
                + " DECISION_ADMIN_KEYS.", file == null ? "valid until this instance stops"
                : "kept in " + file.toAbsolutePath() + " and works until shop keys are configured");
    }

    /** The key kept in {@code file}, or a new one written there; a new one for this run only if that fails. */
    private static String keptOrNew(Path file) {
        if (file == null) {
            return ApiKeys.newKey();
        }
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (KEY.matcher(kept).matches()) {
                    return kept;
                }
                log.warn("{} does not hold a key the service made; a new one replaces it", file);
            }
            String key = ApiKeys.newKey();
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException | RuntimeException e) {
            log.warn("The demo key cannot be kept in {} ({}); this run's key works until it stops", file, e.toString());
        }
        return ApiKeys.newKey();
    }
}
