package vn.gov.directives.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real HTTP calls to the application under test: HTTP Basic, JSON, multipart deployments, webapp logins. */
final class HttpCalls {

  final HttpClient http = HttpClient.newHttpClient();
  final int port;

  HttpCalls(int port) {
    this.port = port;
  }

  URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  HttpResponse<String> get(String path, String user, String password) throws Exception {
    return send(request(path, user, password).GET());
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    return get(path, user, "demo");
  }

  HttpResponse<String> post(String path, String user, String password, String json) throws Exception {
    return send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> post(String path, String user, String json) throws Exception {
    return post(path, user, "demo", json);
  }

  HttpResponse<String> put(String path, String user, String json) throws Exception {
    return send(request(path, user, "demo").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> delete(String path, String user) throws Exception {
    return send(request(path, user, "demo").DELETE());
  }

  /** {@code POST /engine-rest/deployment/create} with one BPMN file, as the Modeler sends it. */
  HttpResponse<String> deploy(String enginePath, String user, String password, String fileName, String bpmn)
      throws Exception {
    String boundary = "----boundary" + UUID.randomUUID();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsecurity-test\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"" + fileName + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n"
        + "--" + boundary + "--\r\n";
    return send(request(enginePath + "/deployment/create", user, password)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Accept", "application/json");
    if (user != null) {
      request.header("Authorization", basic(user, password));
    }
    return request;
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A browser's session in a Camunda webapp: its cookies and the CSRF token. */
  record WebSession(String cookies, String csrfToken, HttpResponse<String> loginResponse) {}

  /** Logs in to a webapp (tasklist, cockpit, admin) the way the browser does: CSRF cookie first, then the form. */
  WebSession login(String engineName, String app, String user, String password) throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(url("/camunda/app/tasklist/" + engineName + "/")));
    String cookies = cookies(page, "");
    String csrf = cookieValue(cookies, "XSRF-TOKEN");
    HttpResponse<String> login = send(HttpRequest.newBuilder(
            url("/camunda/api/admin/auth/user/" + engineName + "/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf)
        .header("Cookie", cookies)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
    String session = cookies(login, cookies);
    if (login.statusCode() == 200) {
      // the CSRF token is renewed for the new session on its first request, as the webapp's next call does
      HttpResponse<String> whoAmI = send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/" + engineName))
          .header("Cookie", session));
      session = cookies(whoAmI, session);
    }
    return new WebSession(session, cookieValue(session, "XSRF-TOKEN"), login);
  }

  /** Merges the response's Set-Cookie values into a Cookie header. */
  static String cookies(HttpResponse<?> response, String previous) {
    Map<String, String> jar = new LinkedHashMap<>();
    for (String pair : previous.split("; ")) {
      if (pair.contains("=")) {
        jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    for (String setCookie : response.headers().allValues("Set-Cookie")) {
      String pair = setCookie.split(";", 2)[0];
      jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    return String.join("; ", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  static String cookieValue(String cookies, String name) {
    Matcher matcher = Pattern.compile("(?:^|; )" + name + "=([^;]*)").matcher(cookies);
    assertThat(matcher.find()).as("cookie " + name + " in " + cookies).isTrue();
    return matcher.group(1);
  }

  /** The Set-Cookie header that sets {@code name}. */
  static String setCookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith(name + "="))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + response.headers().map()));
  }
}
