package dev.lplogin.adapter.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File operations that survive a crash at any instant and never expose a file to other users: content is written to
 * an owner-only temp file in the same directory, forced to disk, then atomically renamed over the target.
 */
final class SafeFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final String TEMP_SUFFIX = ".tmp";

    static final String CORRUPT_INFIX = ".corrupt-";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern COPY_STAMP =
            Pattern.compile(".+" + Pattern.quote(CORRUPT_INFIX) + "([0-9]{8}T[0-9]{6}\\.[0-9]{3}Z)(-[0-9]+)?");

    private SafeFiles() {
    }

    /** Attributes that create a file with {@code permissions} from the start (none off POSIX file systems). */
    static FileAttribute<?>[] ownerOnly(Path path, Set<PosixFilePermission> permissions) {
        return isPosix(path)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Replaces {@code target} with {@code content} so that a crash leaves either the old or the new file. Call it
     * holding the target's lock: it also removes temp files that a crashed earlier writer of the target left behind.
     */
    static void replace(Path target, byte[] content) throws IOException {
        Path directory = target.getParent();
        removeTempFiles(target);
        Path temp = Files.createTempFile(directory, target.getFileName() + ".", TEMP_SUFFIX,
                ownerOnly(directory, OWNER_ONLY_FILE));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // data and metadata on disk before the rename makes them visible: no empty file after power loss
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(directory);
    }

    /** Deletes {@code file} if it exists, durably. */
    static boolean delete(Path file) throws IOException {
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            syncDirectory(file.getParent());
        }
        return deleted;
    }

    /** Renames {@code file} to {@code <file>.corrupt-<UTC timestamp>} beside it and returns the new path. */
    static Path moveAside(Path file, Instant now) throws IOException {
        String base = file.getFileName() + CORRUPT_INFIX + STAMP.format(now);
        for (int attempt = 1; ; attempt++) {
            Path aside = file.resolveSibling(attempt == 1 ? base : base + "-" + attempt);
            try {
                // no ATOMIC_MOVE: on POSIX it would silently replace an earlier copy of the same millisecond
                Files.move(file, aside);
                syncDirectory(file.getParent());
                return aside;
            } catch (FileAlreadyExistsException e) {
                // two corrupt copies of one file within a millisecond: number them
            }
        }
    }

    /**
     * Deletes the copies {@link #moveAside} made in {@code directory} at or before {@code cutoff} (judged by the
     * timestamp in their names, which {@code moveAside} wrote) and returns them. A corrupt copy may hold a bearer in
     * clear; kept forever, it would outlive any reason to look at it.
     */
    static List<Path> deleteCopiesMadeBefore(Path directory, Instant cutoff) throws IOException {
        List<Path> deleted = new ArrayList<>();
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, "*" + CORRUPT_INFIX + "*")) {
            for (Path copy : copies) {
                Matcher stamp = COPY_STAMP.matcher(copy.getFileName().toString());
                if (stamp.matches() && !STAMP.parse(stamp.group(1), Instant::from).isAfter(cutoff)
                        && Files.deleteIfExists(copy)) {
                    deleted.add(copy);
                }
            }
        }
        if (!deleted.isEmpty()) {
            syncDirectory(directory);
        }
        return deleted;
    }

    private static void removeTempFiles(Path target) throws IOException {
        String glob = target.getFileName() + ".*" + TEMP_SUFFIX;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(), glob)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Forces a directory's entries (a rename, a delete) to disk, where the platform allows opening a directory. */
    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported everywhere (e.g. Windows); the rename itself is still atomic
        }
    }
}
