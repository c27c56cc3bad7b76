package com.shopcare.complaints.service.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The API keys the service accepts. Configuration holds only the SHA-256 of each key, so no usable key sits in an
 * environment variable or a file; a presented key is hashed and compared with every configured hash in constant
 * time, without stopping at the first match, so the time taken says nothing about which hash came close.
 */
public final class ApiKeys {

    /** The shop ids the API accepts in {@code shopId}; a key's shop must be one of them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Entry(Caller caller, byte[] sha256) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    private ApiKeys(List<Entry> entries) {
        this.entries.addAll(entries);
    }

    /**
     * Parses {@code name=sha256hex} pairs separated by commas, as in {@code DECISION_API_KEYS} and
     * {@code DECISION_ADMIN_KEYS}. A name may appear with several keys (while a key is being rotated).
     *
     * @throws IllegalArgumentException naming the variable and the position of an entry that is not valid, never
     *                                  its content
     */
    public static ApiKeys parse(String shopKeys, String adminKeys) {
        return parse(shopKeys, adminKeys, (String) null);
    }

    /** As {@link #parse(String, String)}, with the scrapers' keys of {@code DECISION_METRICS_KEYS} too. */
    public static ApiKeys parse(String shopKeys, String adminKeys, String metricsKeys) {
        List<Entry> entries = new ArrayList<>();
        entries.addAll(parse("DECISION_API_KEYS", shopKeys, Caller.Role.SHOP));
        entries.addAll(parse("DECISION_ADMIN_KEYS", adminKeys, Caller.Role.ADMIN));
        entries.addAll(parse("DECISION_METRICS_KEYS", metricsKeys, Caller.Role.METRICS));
        return new ApiKeys(entries);
    }

    private static List<Entry> parse(String variable, String pairs, Caller.Role role) {
        List<Entry> entries = new ArrayList<>();
        if (pairs == null || pairs.isBlank()) {
            return entries;
        }
        String[] items = pairs.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            int equals = item.indexOf('=');
            String name = equals < 0 ? "" : item.substring(0, equals).strip();
            String hash = equals < 0 ? "" : item.substring(equals + 1).strip().toLowerCase(java.util.Locale.ROOT);
            if (!NAME.matcher(name).matches() || !SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalArgumentException(variable + ", entry " + (i + 1) + " of " + items.length
                        + ": expected name=sha256hex (a name of letters, digits and ._:- and the SHA-256 of the key as"
                        + " 64 lower-case hex digits)");
            }
            entries.add(new Entry(new Caller(name, role, true), HexFormat.of().parseHex(hash)));
        }
        return entries;
    }

    public boolean hasShopKeys() {
        return entries.stream().anyMatch(entry -> entry.caller().role() == Caller.Role.SHOP);
    }

    /** The caller a presented key belongs to, if any. */
    public Optional<Caller> find(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.sha256(), presented) && found == null) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Adds a key for a shop, which the caller keeps (the demo shop's, kept in its store). */
    void addKey(String shop, String key) {
        entries.add(new Entry(new Caller(shop, Caller.Role.SHOP, true), sha256(key)));
    }

    /**
     * A random shop key that is not rate limited, for the instance's own warm-up; it stops working when closed.
     */
    public TemporaryKey temporaryKey(String name) {
        Caller caller = new Caller(name, Caller.Role.SHOP, false);
        String key = add(caller);
        return new TemporaryKey(key, () -> entries.removeIf(entry -> entry.caller() == caller));
    }

    private String add(Caller caller) {
        String key = newKey();
        entries.add(new Entry(caller, sha256(key)));
        return key;
    }

    /** 32 random bytes, base64url: what a key the service makes looks like. */
    static String newKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A key that is removed again when closed. */
    public record TemporaryKey(String key, Runnable revoke) implements AutoCloseable {

        @Override
        public void close() {
            revoke.run();
        }
    }
}
