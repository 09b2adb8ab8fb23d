package dev.stockade.model;

/** A container port: number, protocol and optional name (empty when unnamed). */
public record ContainerPort(String name, int port, Protocol protocol) {
    public ContainerPort {
        name = name == null ? "" : name;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("container port out of range: " + port);
        }
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + "=") + protocol + " " + port;
    }
}
