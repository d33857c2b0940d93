package vn.gov.directives.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One application node: the packaged jar in its own JVM (so that it can be killed with SIGKILL), spoken to through
 * /engine-rest with HTTP Basic.
 */
public final class JarNode implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public final String id;
  public final int port;
  private final Path log;
  private final String authorization;
  private Process process;

  private JarNode(String id, int port, Path log, String user, String password) {
    this.id = id;
    this.port = port;
    this.log = log;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Starts {@code java -jar jar args…} with {@code environment} added, its output in {@code logDir/<id>.log}. */
  public static JarNode start(String id, Path jar, List<String> applicationArgs, Map<String, String> environment,
      Path logDir, String user, String password) throws IOException {
    int port = freePort();
    Files.createDirectories(logDir);
    JarNode node = new JarNode(id, port, logDir.resolve(id + ".log"), user, password);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // small heaps and the serial collector: two nodes, the database and the test share two cores
        "-Xmx384m", "-XX:+UseSerialGC",
        // Vietnam time whatever the server's zone, as in every other test
        "-Duser.timezone=America/New_York", "-Dfile.encoding=UTF-8",
        "-jar", jar.toString(),
        "--server.port=" + port, "--app.node-id=" + id, "--spring.main.banner-mode=off"));
    command.addAll(applicationArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    node.process = builder
        .redirectErrorStream(true)
        .redirectOutput(node.log.toFile())
        .start();
    return node;
  }

  /** Waits until the REST API answers an authenticated call (the engine, deployments and identity are ready). */
  public void awaitReady(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + id + " exited with " + process.exitValue() + "; log:\n" + tail());
      }
      try {
        HttpResponse<String> response = HTTP.send(request("/engine-rest/version").GET().build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // the port is not open yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("Node " + id + " did not answer within " + timeout + "; log:\n" + tail());
  }

  public JsonNode get(String path) throws Exception {
    return send(request(path).GET().build(), 200);
  }

  public JsonNode post(String path, Object body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), 200, 204);
  }

  public JsonNode put(String path, Object body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), 200, 204);
  }

  /** Deploys one BPMN file through the REST API (multipart). */
  public JsonNode deploy(String name, String fileName, byte[] content) throws Exception {
    String boundary = "----cluster" + System.nanoTime();
    StringBuilder head = new StringBuilder();
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n")
        .append(name).append("\r\n");
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\n")
        .append("true\r\n");
    head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"")
        .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[headBytes.length + content.length + tail.length];
    System.arraycopy(headBytes, 0, body, 0, headBytes.length);
    System.arraycopy(content, 0, body, headBytes.length, content.length);
    System.arraycopy(tail, 0, body, headBytes.length + content.length, tail.length);
    return send(request("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 200);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", authorization)
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(60));
  }

  private JsonNode send(HttpRequest request, int... expected) throws Exception {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
      }
    }
    throw new IllegalStateException(id + " " + request.method() + " " + request.uri() + " answered "
        + response.statusCode() + ": " + response.body());
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no rollback, no lock released by the node itself. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** The node's whole output so far. */
  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** For a start that must fail: waits until the JVM has exited and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("Node " + id + " still runs after " + timeout + "; log:\n" + tail());
    }
    return process.exitValue();
  }

  /** The executable jar built by 'package' (tests that start it run in the integration-test phase). */
  public static Path packagedJar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("directive-follow-up-.*\\.jar"))
          .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(
              "No packaged jar in target/: tests that start it run after 'package' (./mvnw verify)"));
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
