package dev.stockade.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a property unless this process may run the lab: root, with nft and python3. */
public final class LabOnly implements SkipExecutionHook {
    static boolean available() {
        return Lab.isRoot() && (Files.isExecutable(Path.of("/usr/sbin/nft")) || Files.isExecutable(Path.of("/sbin/nft")))
                && Files.isExecutable(Path.of("/usr/bin/python3"));
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return available() ? SkipResult.doNotSkip() : SkipResult.skip("the lab needs root, nft and python3");
    }
}
