package dev.stockade.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.stockade.engine.Connection;
import dev.stockade.engine.Connectivity;
import dev.stockade.engine.Endpoint;
import java.io.IOException;
import java.util.List;

/**
 * The {@code analyze -o json} contract, schemaVersion 1 (schema: {@code schemas/analyze.schema.json}):
 * {@code {"schemaVersion":1, "options":{…}, "endpoints":[…], "connections":[{"src","dst","allowed"}], "warnings":[…]}}.
 */
public final class AnalysisJson {
    public static final int SCHEMA_VERSION = 1;

    private AnalysisJson() {}

    public static String render(ConnectivityView v) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeObjectFieldStart("options");
            g.writeBooleanField("ipBlockMatchesPods", v.connectivity().options().ipBlockMatchesPods());
            g.writeStringField("hostNetwork", v.connectivity().options().hostNetwork().flag());
            if (v.connectivity().endpoints().stream().anyMatch(e -> e instanceof Endpoint.ControllerEndpoint)) {
                g.writeStringField("ingressController", v.connectivity().options().ingressController().toString());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("endpoints");
            for (Endpoint e : v.endpoints()) {
                endpoint(g, e, v.connectivity().exposures(e));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("connections");
            for (Connection c : v.connections()) {
                g.writeStartObject();
                g.writeStringField("src", c.src().id());
                g.writeStringField("dst", c.dst().id());
                g.writeFieldName("allowed");
                Json.ports(g, c.allowed());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : v.connectivity().warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** One entry of {@code endpoints}: id and kind, then namespace and name, or start and end. */
    static void endpoint(JsonGenerator g, Endpoint e) throws IOException {
        endpoint(g, e, List.of());
    }

    /** The same, with the Services that expose a workload outside the cluster ({@code exposedBy}, when any). */
    static void endpoint(JsonGenerator g, Endpoint e, List<Connectivity.Exposure> exposures) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("kind", e.kind());
        switch (e) {
            case Endpoint.WorkloadEndpoint w -> {
                g.writeStringField("namespace", w.workload().namespace());
                g.writeStringField("name", w.workload().name());
                if (!exposures.isEmpty()) {
                    g.writeArrayFieldStart("exposedBy");
                    for (Connectivity.Exposure x : exposures) {
                        g.writeStartObject();
                        g.writeStringField("service", x.service().toString());
                        g.writeStringField("type", x.service().type());
                        g.writeFieldName("ports");
                        Json.ports(g, x.ports());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
            }
            case Endpoint.ExternalEndpoint x -> {
                g.writeStringField("start", x.range().start().toString());
                g.writeStringField("end", x.range().end().toString());
            }
            case Endpoint.ControllerEndpoint c -> { }
        }
        g.writeEndObject();
    }
}
