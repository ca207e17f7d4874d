package com.assistantgateway.gateway.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Artemis broker from the binary distribution Maven unpacked, created as an operator would ({@code
 * artemis create}) with the gateway's address settings from {@code config/artemis/broker.xml}, run as a process of its
 * own so a test can kill it and start it again on the same journal.
 */
final class ArtemisProcess implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("artemis.home", "target/artemis/apache-artemis-2.40.0"));
    static final String USER = "gateway";
    static final String PASSWORD = "gateway-broker";

    private final Path instance;
    private final Path log;
    final int port;
    private Process process;

    ArtemisProcess(Path instance, Path logs) {
        this.instance = instance;
        this.log = logs.resolve("artemis.log");
        this.port = GatewayProcess.freePort();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    ArtemisProcess create() {
        run(List.of(
                HOME.resolve("bin/artemis").toString(),
                "create",
                instance.toString(),
                "--silent",
                "--force",
                "--user=" + USER,
                "--password=" + PASSWORD,
                "--require-login",
                "--no-web",
                "--no-amqp-acceptor",
                "--no-mqtt-acceptor",
                "--no-stomp-acceptor",
                "--no-hornetq-acceptor",
                "--no-autotune",
                "--default-port=" + port));
        Path brokerXml = instance.resolve("etc/broker.xml");
        try {
            String broker = Files.readString(brokerXml);
            Files.writeString(
                    brokerXml, broker.replace("</address-settings>", gatewaySettings() + "</address-settings>"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The address settings of config/artemis/broker.xml, which operators add to their broker. */
    private static String gatewaySettings() throws IOException {
        Path settings = Path.of("artemis/broker.xml");
        Matcher matcher =
                Pattern.compile("(?s)<address-settings>(.*)</address-settings>").matcher(Files.readString(settings));
        if (!matcher.find()) {
            throw new IllegalStateException("no address settings in " + settings.toAbsolutePath());
        }
        return matcher.group(1);
    }

    ArtemisProcess start() {
        ProcessBuilder builder = new ProcessBuilder(
                        instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(this::accepting);
        return this;
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker exited; see " + log);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(List<String> command) {
        try {
            Process create = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
                throw new IllegalStateException("artemis create failed; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
