package com.assistantgateway.gateway.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway as operators run it: {@code java -jar gateway.jar} in a process of its own, which a test can stop as a
 * deploy does or kill as a crash does ({@code kill -9}: no shutdown hook, no flush, nothing closed).
 */
final class GatewayProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("gateway.jar", "target/gateway.jar"));

    private final String name;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    final int port;
    private Process process;
    private int starts;
    /** The readiness probe's answers while the last start was awaited: 503 until ready, then 200. */
    final List<String> readinessSeen = new java.util.concurrent.CopyOnWriteArrayList<>();

    GatewayProcess(String name, Path logs, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.port = freePort();
        this.arguments = arguments;
        this.environment = environment;
        this.log = logs.resolve(name + ".log");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the process and waits until its readiness probe says it serves. */
    GatewayProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx700m",
                "-XX:+UseSerialGC",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "\n===== start " + (++starts) + " of " + name + " at " + Instant.now() + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(Duration.ofSeconds(120));
        return this;
    }

    private void awaitReady(Duration within) {
        readinessSeen.clear();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> ready(http));
    }

    private boolean ready(HttpClient http) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
        }
        try {
            HttpResponse<String> readiness = http.send(
                    HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            readinessSeen.add(readiness.statusCode() + " " + readiness.body());
            return readiness.statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** {@code kill -9}: the JVM gets no chance to flush, close or commit anything. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A graceful stop, as a redeploy does (SIGTERM). */
    void stop() {
        process.destroy();
        waitFor();
    }

    /** Everything the process wrote so far, over all its starts. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
