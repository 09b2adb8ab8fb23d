package dev.stockade.engine;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/** Skips a property unless the long runs are asked for with {@code -Dstockade.long=true}. */
public final class LongRunsOnly implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return Boolean.getBoolean("stockade.long") ? SkipResult.doNotSkip()
                : SkipResult.skip("long property run; enable with -Dstockade.long=true");
    }
}
