package com.shopcare.complaints.service.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An exclusive lock shared by every replica of one store: a file created with {@code CREATE_NEW}, which the file
 * system creates for exactly one of several creators ({@code O_CREAT|O_EXCL}; NFS does this atomically on the server
 * from version 3 on, as do CephFS, EFS and Azure Files). The holder deletes it when done; it holds it for a few
 * milliseconds (a compare, a folder write, a rename). A holder that died leaves the file behind: once the file is older
 * than {@link #LEASE}, the next taker breaks it by renaming it away (a rename succeeds for one of several breakers)
 * and checks that what it renamed is the stale lock it saw, not a fresh one taken meanwhile.
 */
final class StoreLock implements AutoCloseable {

    /** A lock this old belongs to a holder that died: a holder keeps it for milliseconds. */
    static final Duration LEASE = Duration.ofSeconds(30);
    /** How long a taker waits for a lock held by another replica before it gives up. */
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);

    private final Path file;
    private final String token;

    private StoreLock(Path file, String token) {
        this.file = file;
        this.token = token;
    }

    static StoreLock take(Path file) {
        String token = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                Files.write(file, token.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return new StoreLock(file, token);
            } catch (FileAlreadyExistsException held) {
                breakIfStale(file);
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException(new IOException("the policy store " + file.getParent()
                            + " stayed locked by another replica for " + WAIT.toSeconds() + " s (" + file + ")"));
                }
                pause();
            } catch (IOException e) {
                throw FilePolicyStore.failure("the policy store's lock cannot be taken", e);
            }
        }
    }

    /** Deletes the lock, if it is still this holder's (a taker may have broken it as stale meanwhile). */
    @Override
    public void close() {
        try {
            if (token.equals(read(file))) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the policy store's lock " + file + " cannot be released", e);
        }
    }

    private static void breakIfStale(Path file) {
        try {
            String staleToken = read(file);
            if (staleToken == null || Files.getLastModifiedTime(file).toInstant().plus(LEASE).isAfter(Instant.now())) {
                return;
            }
            Path broken = file.resolveSibling(file.getFileName() + "-stale-" + UUID.randomUUID());
            Files.move(file, broken, StandardCopyOption.ATOMIC_MOVE);
            if (staleToken.equals(read(broken))) {
                Files.deleteIfExists(broken);
                log.warn("Broke the policy store's lock {}: its holder had kept it for more than {} s (a replica that "
                        + "stopped while publishing)", file, LEASE.toSeconds());
            } else {
                // Another breaker was first and a new holder took the lock meanwhile: give it back.
                Files.move(broken, file, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (NoSuchFileException | FileAlreadyExistsException released) {
            // Released, or broken by another taker, meanwhile: try again.
        } catch (IOException e) {
            throw new UncheckedIOException("the policy store's lock " + file + " cannot be checked", e);
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5 + ThreadLocalRandom.current().nextInt(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the policy store's lock", e);
        }
    }
}
