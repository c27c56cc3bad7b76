package com.shopcare.complaints.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The DMN files of one policy, by file name. The DRL guards are not part of it: they ship with the code. */
public final class PolicyFiles {

    /** Where the tables shipped with the code live on the class path. */
    public static final String CLASSPATH_FOLDER = "policy/";

    private final Map<String, byte[]> files;
    private final boolean released;

    private PolicyFiles(Map<String, byte[]> files, boolean released) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.released = released;
    }

    /** Files from anywhere; byte for byte the shipped tables (a store seeded with them) count as released. */
    public static PolicyFiles of(Map<String, byte[]> files) {
        Map<String, byte[]> shipped = Shipped.FILES;
        boolean released = files.size() == shipped.size() && files.entrySet().stream()
                .allMatch(file -> java.util.Arrays.equals(file.getValue(), shipped.get(file.getKey())));
        return new PolicyFiles(files, released);
    }

    /** The tables shipped with this release. */
    public static PolicyFiles shipped() {
        return new PolicyFiles(Shipped.FILES, true);
    }

    /** Read from the class path once, when first asked for: they never change while the JVM runs. */
    private static final class Shipped {
        static final Map<String, byte[]> FILES = read();

        private static Map<String, byte[]> read() {
            Map<String, byte[]> files = new TreeMap<>();
            ClassLoader loader = PolicyFiles.class.getClassLoader();
            for (PolicyModel model : PolicyModel.values()) {
                try (InputStream in = loader.getResourceAsStream(CLASSPATH_FOLDER + model.fileName())) {
                    if (in == null) {
                        throw new PolicyException(java.util.List.of(model.fileName() + ": missing from the release"));
                    }
                    files.put(model.fileName(), in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Collections.unmodifiableMap(files);
        }
    }

    /** One file per model from a folder on disk, for example a working copy a business user edits. */
    public static PolicyFiles fromFolder(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        for (PolicyModel model : PolicyModel.values()) {
            Path file = folder.resolve(model.fileName());
            try {
                files.put(model.fileName(), Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                throw new PolicyException(java.util.List.of(model.fileName() + ": not found in " + folder.toAbsolutePath()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new PolicyFiles(files, false);
    }

    public Map<String, byte[]> files() {
        return files;
    }

    /**
     * True for the tables shipped with this release. The build validates them ({@code ShippedPolicyTest}), so
     * start-up does not validate them again; files from anywhere else are always validated.
     */
    public boolean isReleased() {
        return released;
    }

    /** SHA-256 (hex) over the file names and contents, in name order: equal for equal tables, whoever publishes them. */
    public String contentHash() {
        return contentHash(files);
    }

    /** The same hash over any files by name, in name order; the compiler's version adds the guards' sources to it. */
    static String contentHash(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.getValue());
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A copy with one file replaced, for checking an edit against the rest of the policy. */
    public PolicyFiles with(String fileName, byte[] content) {
        Map<String, byte[]> copy = new TreeMap<>(files);
        copy.put(fileName, content);
        return new PolicyFiles(copy, false);
    }
}
