package dev.stockade.engine;

import dev.stockade.model.Cluster;
import net.jqwik.api.SampleReportingFormat;

/** Makes jqwik print generated (and shrunk) clusters as {@link ClusterText} instead of raw records. */
public final class ClusterReportingFormat implements SampleReportingFormat {
    @Override
    public boolean appliesTo(Object value) {
        return value instanceof Cluster;
    }

    @Override
    public Object report(Object value) {
        return SampleReportingFormat.plainLabel("\n" + ClusterText.describe((Cluster) value));
    }
}
