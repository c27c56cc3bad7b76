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

/**
 * The files of one policy version, by file name: its DMN tables, which the engine reads, and its scenario files
 * ({@code .feature}), the examples that say what the tables must decide, which travel with them and which the engine
 * never reads. The DRL guards are not part of it: they ship with the code.
 */
public final class PolicyFiles {

    /** Where the tables shipped with the code live on the class path. */
    public static final String CLASSPATH_FOLDER = "policy/";

    /** How the name of a scenario file ends; every other file is a table. */
    public static final String SCENARIO_SUFFIX = ".feature";

    private final Map<String, byte[]> files;
    private final Map<String, byte[]> scenarios;
    private final boolean released;

    private PolicyFiles(Map<String, byte[]> files, Map<String, byte[]> scenarios, boolean released) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.scenarios = Collections.unmodifiableMap(new TreeMap<>(scenarios));
        this.released = released;
    }

    /**
     * Files from anywhere, tables and scenario files told apart by their names; byte for byte the shipped tables (a
     * store seeded with them) count as released, whatever the scenario files.
     */
    public static PolicyFiles of(Map<String, byte[]> all) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, byte[]> scenarios = new TreeMap<>();
        all.forEach((name, content) -> (isScenario(name) ? scenarios : files).put(name, content));
        Map<String, byte[]> shipped = Shipped.FILES;
        boolean released = files.size() == shipped.size() && files.entrySet().stream()
                .allMatch(file -> java.util.Arrays.equals(file.getValue(), shipped.get(file.getKey())));
        return new PolicyFiles(files, scenarios, released);
    }

    /** The tables shipped with this release, without scenario files (they ship in the scenarios module). */
    public static PolicyFiles shipped() {
        return new PolicyFiles(Shipped.FILES, Map.of(), true);
    }

    public static boolean isScenario(String fileName) {
        return fileName.endsWith(SCENARIO_SUFFIX);
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

    /**
     * One file per model from a folder on disk, for example a working copy a business user edits, and the scenario
     * files beside them, if any.
     */
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
        Map<String, byte[]> scenarios = new TreeMap<>();
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(path -> isScenario(path.getFileName().toString())).toList()) {
                scenarios.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PolicyFiles(files, scenarios, false);
    }

    /** The tables. */
    public Map<String, byte[]> files() {
        return files;
    }

    /** The scenario files; empty for a version published before scenario files travelled with the tables. */
    public Map<String, byte[]> scenarios() {
        return scenarios;
    }

    /** Tables and scenario files, by name: what a store writes. */
    public Map<String, byte[]> all() {
        Map<String, byte[]> all = new TreeMap<>(files);
        all.putAll(scenarios);
        return Collections.unmodifiableMap(all);
    }

    /**
     * True for the tables shipped with this release. The build validates them ({@code ShippedPolicyTest}), so
     * start-up does not validate them again; files from anywhere else are always validated.
     */
    public boolean isReleased() {
        return released;
    }

    /**
     * SHA-256 (hex) over the file names and contents, tables and scenario files, in name order: equal for equal
     * content, whoever publishes it. Without scenario files it is the hash of the tables alone, as it was for the
     * versions published before they travelled with the tables.
     */
    public String contentHash() {
        return contentHash(all());
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

    /** A copy with one file (a table or a scenario file) replaced, for checking an edit against the rest of the policy. */
    public PolicyFiles with(String fileName, byte[] content) {
        return withAll(Map.of(fileName, content));
    }

    /** A copy with these files (tables or scenario files) replaced or added. */
    public PolicyFiles withAll(Map<String, byte[]> replaced) {
        Map<String, byte[]> copy = new TreeMap<>(all());
        copy.putAll(replaced);
        return of(copy);
    }
}
