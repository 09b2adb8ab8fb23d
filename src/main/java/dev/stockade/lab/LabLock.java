package dev.stockade.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of one lab prefix: a run of the lab holds it from before it creates anything until it
 * has removed what it created, so two runs with the same prefix never touch each other's
 * namespaces. It is an OS lock ({@link FileChannel#tryLock}) on {@code /run/stockade-lab-PREFIX.lock}
 * (or under {@code java.io.tmpdir} when /run is not writable) holding the owner's pid: the kernel
 * releases it when the owner dies, so a crashed run never blocks the next one. Within one JVM a
 * second holder of the same prefix is refused by a table of the prefixes this JVM holds, before
 * any file is opened: POSIX locks belong to the process, and closing any descriptor of the file
 * would release them. The file stays (deleting it would let two runs lock two different files).
 */
public final class LabLock implements AutoCloseable {
    /** The lock files this JVM holds. */
    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    private final String prefix;
    private final Path file;
    private final FileChannel channel;
    private FileLock lock;

    private LabLock(String prefix, Path file, FileChannel channel, FileLock lock) {
        this.prefix = prefix;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code prefix}. */
    public static Path file(String prefix) {
        String name = (prefix.equals("stklab-") ? "stockade-lab" : "stockade-lab-" + prefix.replaceAll("[^A-Za-z0-9_.-]", "_"))
                + ".lock";
        Path run = Path.of("/run");
        return (Files.isDirectory(run) && Files.isWritable(run) ? run : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve(name);
    }

    /** Takes the lock of {@code prefix}, or throws {@link Held} naming the run that holds it. */
    public static LabLock acquire(String prefix) {
        Path f = file(prefix);
        if (!HELD.add(f.toString())) {
            throw new Held(prefix, ProcessHandle.current().pid());
        }
        try {
            return lock(prefix, f);
        } catch (RuntimeException e) {
            HELD.remove(f.toString());
            throw e;
        }
    }

    private static LabLock lock(String prefix, Path f) {
        FileChannel ch;
        try {
            ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Lab.LabException("cannot open the lab's lock " + f + ": " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM (not through this class)
        } catch (IOException e) {
            close(ch);
            throw new Lab.LabException("cannot lock " + f + ": " + e.getMessage());
        }
        if (lock == null) {
            close(ch);
            throw new Held(prefix, pid(f));
        }
        try {
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
        } catch (IOException e) {
            close(ch);
            throw new Lab.LabException("cannot write the lab's lock " + f + ": " + e.getMessage());
        }
        return new LabLock(prefix, f, ch, lock);
    }

    /** The pid of the run holding the lock of {@code prefix} now (-1 when unreadable); empty when it is free. */
    public static OptionalLong holder(String prefix) {
        try {
            acquire(prefix).close();
            return OptionalLong.empty();
        } catch (Held h) {
            return OptionalLong.of(h.pid());
        }
    }

    private static long pid(Path f) {
        try {
            return Long.parseLong(Files.readString(f, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public String prefix() {
        return prefix;
    }

    /** Releases the lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel releases it too
            }
            lock = null;
            close(channel);
            HELD.remove(file.toString());
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Another run holds the lock of the prefix. */
    public static final class Held extends Lab.LabException {
        private final long pid;

        Held(String prefix, long pid) {
            super("another lab with prefix " + prefix + " is running (pid " + (pid < 0 ? "unknown" : pid) + "): wait for"
                    + " it to end, or run this one with another prefix (e.g. JAVA_TOOL_OPTIONS=-Dstockade.lab.prefix=mylab-"
                    + " stockade lab ...)");
            this.pid = pid;
        }

        public long pid() {
            return pid;
        }
    }
}
