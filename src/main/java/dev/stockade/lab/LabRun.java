package dev.stockade.lab;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a lab verb: it holds the lock of {@link Lab#PREFIX} ({@link LabLock}) for its whole
 * life, and on its end removes what the lab it {@link #track tracks} created ({@link Lab#destroy})
 * unless the run {@link #keep keeps} it (a lab up that succeeded). Its end comes once, whichever
 * comes first: {@link #close} on the normal path, or the JVM's shutdown hook on SIGTERM or SIGINT,
 * which waits for the cleanup at most {@value #HOOK_SECONDS} s; the lock is released either way.
 */
public final class LabRun implements AutoCloseable {
    /** The longest a shutdown hook waits for the cleanup. */
    static final int HOOK_SECONDS = 10;

    /** Set once a shutdown hook of a run has started: the JVM is ending on a signal. */
    private static volatile boolean shuttingDown;

    private final LabLock lock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile Lab lab;
    private volatile boolean keep;
    private volatile boolean attachedOnly;

    private LabRun(LabLock lock) {
        this.lock = lock;
        this.hook = new Thread(this::onShutdown, "stockade-lab-cleanup");
    }

    /** Starts a run: takes the prefix's lock (or throws {@link LabLock.Held}) and registers the cleanup hook. */
    public static LabRun begin() {
        LabRun run = new LabRun(LabLock.acquire(Lab.PREFIX));
        try {
            Runtime.getRuntime().addShutdownHook(run.hook);
        } catch (IllegalStateException e) {
            run.lock.close();
            throw new Lab.LabException("interrupted: the JVM is shutting down");
        }
        return run;
    }

    /** The lab whose creations this run removes at its end. */
    public void track(Lab tracked) {
        this.lab = tracked;
    }

    /**
     * A lab this run did not create (lab verify --running, lab apply): at the end only its
     * processes are stopped ({@link Lab#close}); its namespaces stay.
     */
    public void attach(Lab attached) {
        this.lab = attached;
        this.attachedOnly = true;
    }

    /** Leaves the tracked lab running at the end of the run (lab up); lab down removes it. */
    public void keep() {
        this.keep = true;
    }

    /** Ends the run: removes what the tracked lab created unless kept, releases the lock. Idempotent. */
    @Override
    public void close() {
        finish();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (and finds the run finished)
        }
    }

    /**
     * Whether the JVM is ending on a signal while a run was in progress: a lab step that fails now
     * fails because its lab is being removed, which is no error to report.
     */
    public static boolean shuttingDown() {
        return shuttingDown;
    }

    private void onShutdown() {
        shuttingDown = true;
        if (started.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("stockade-lab-destroy").start(this::cleanUp);
        }
        try {
            finished.await(HOOK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finish() {
        if (started.compareAndSet(false, true)) {
            cleanUp();
        } else {
            try {
                finished.await(HOOK_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void cleanUp() {
        try {
            Lab l = lab;
            if (l != null && attachedOnly) {
                l.close();
            } else if (l != null && !keep) {
                l.destroy();
            }
        } finally {
            lock.close();
            finished.countDown();
        }
    }
}
