package dev.stockade.model;

/**
 * One port of a Service: clients send to {@code port}; the pods receive on {@code targetPort},
 * a number or the name of a container port (looked up pod by pod, with the same protocol).
 *
 * @param name empty when unnamed (allowed when the Service has one port)
 * @param targetPort digits or a container port name; the API defaults it to {@code port}
 * @param nodePort the node port of a NodePort or LoadBalancer Service, 0 when none is written
 */
public record ServicePort(String name, Protocol protocol, int port, String targetPort, int nodePort, Source source) {
    public ServicePort {
        name = name == null ? "" : name;
        protocol = protocol == null ? Protocol.TCP : protocol;
        targetPort = targetPort == null || targetPort.isEmpty() ? Integer.toString(port) : targetPort;
    }

    /** Whether {@code targetPort} is a number (else a container port name). */
    public boolean numericTarget() {
        return targetPort.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + " ") + protocol + " " + port + "->" + targetPort;
    }
}
