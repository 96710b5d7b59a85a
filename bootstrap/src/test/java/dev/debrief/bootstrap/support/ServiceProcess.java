package dev.debrief.bootstrap.support;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a child process, configured
 * the way ops configure it: by environment variables, in a working directory of its own (so no
 * {@code .env} or {@code config/application.properties} of the build leaks in). Its console output
 * goes to a file the test reads. Used by the {@code *IT} tests, which run after {@code package}.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();

    private final Process process;
    private final Path output;
    private final int port;

    private ServiceProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /**
     * Starts the service in {@code workingDirectory} with only these variables (plus PATH and HOME)
     * and {@code PORT} set to a free port.
     */
    public static ServiceProcess start(Path workingDirectory, Map<String, String> environment) {
        int port = freePort();
        Path output = workingDirectory.resolve("service.out");
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(port));
        env.putAll(environment);
        ProcessBuilder builder = builder(workingDirectory, env).redirectErrorStream(true).redirectOutput(output.toFile());
        try {
            return new ServiceProcess(builder.start(), output, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command of the packaged service ({@code java -jar quarkus-run.jar token …}) printed, and its exit status. */
    public record CommandRun(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs {@code java -jar quarkus-run.jar <arguments>} to its end in {@code workingDirectory}, with only
     * these variables (plus PATH and HOME), like {@link #start}.
     */
    public static CommandRun command(Path workingDirectory, Map<String, String> environment, String... arguments)
            throws InterruptedException {
        Path stdout = workingDirectory.resolve("command.out");
        Path stderr = workingDirectory.resolve("command.err");
        ProcessBuilder builder = builder(workingDirectory, environment, arguments)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("The command " + List.of(arguments) + " did not end within 120 s: "
                        + Files.readString(stderr));
            }
            return new CommandRun(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessBuilder builder(Path workingDirectory, Map<String, String> environment, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> kept = new HashMap<>();
        for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            if (env.containsKey(name)) {
                kept.put(name, env.get(name));
            }
        }
        env.clear();
        env.putAll(kept);
        env.putAll(environment);
        return builder;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end; empty when it still runs after {@code timeout}. */
    public java.util.OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** Waits until {@code GET /q/health/ready} answers 200; false when the process ended or time ran out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Everything the process printed so far (stdout and stderr). */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, as a container runtime sends it. */
    public void terminate() {
        process.destroy();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
