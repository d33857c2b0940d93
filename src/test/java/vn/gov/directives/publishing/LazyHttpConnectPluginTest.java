package vn.gov.directives.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.impl.client.HttpClients;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.HttpResponse;
import org.camunda.connect.httpclient.impl.HttpConnectorProviderImpl;
import org.camunda.connect.plugin.impl.ConnectorParseListener;
import org.camunda.connect.spi.ConnectorProvider;
import org.junit.jupiter.api.Test;

/** The http-connector builds its HTTP client (TLS context, trust store) on the first request, not at engine start. */
class LazyHttpConnectPluginTest {

  @Test
  void engineStartRegistersTheHttpConnectorWithoutBuildingItsClient() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();

    new LazyHttpConnectPlugin().preInit(configuration);

    HttpConnector http = Connectors.getConnector(HttpConnector.ID);
    assertThat(http).isInstanceOf(LazyHttpConnector.class);
    assertThat(((LazySystemHttpClient) ((LazyHttpConnector) http).getHttpClient()).isCreated()).isFalse();
    // the diagram's <camunda:connector> is still turned into a connector call at parse time
    assertThat(configuration.getCustomPreBPMNParseListeners()).hasAtLeastOneElementOfType(ConnectorParseListener.class);
  }

  @Test
  void theHttpClientJarsOwnProviderIsHiddenFromDiscoverySoNoSecondClientIsBuilt() {
    ClassLoader application = getClass().getClassLoader();
    assertThat(ServiceLoader.load(ConnectorProvider.class, application))
        .hasAtLeastOneElementOfType(HttpConnectorProviderImpl.class);

    ClassLoader filtered = new LazyHttpConnectPlugin.WithoutProvider(application, HttpConnectorProviderImpl.class.getName());
    assertThat(ServiceLoader.load(ConnectorProvider.class, filtered))
        .noneMatch(provider -> provider instanceof HttpConnectorProviderImpl);
  }

  @Test
  void firstRequestBuildsTheClientOnceAndReachesTheServer() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/dang-tai", exchange -> {
      byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    AtomicInteger built = new AtomicInteger();
    LazySystemHttpClient client = new LazySystemHttpClient(() -> {
      built.incrementAndGet();
      return HttpClients.createSystem();
    });
    LazyHttpConnector connector = new LazyHttpConnector();
    connector.setHttpClient(client);
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/dang-tai";
      assertThat(built).hasValue(0);
      for (int i = 0; i < 2; i++) {
        HttpResponse response = connector.createRequest().url(url).post().payload("{}").execute();
        assertThat(response.getStatusCode()).isEqualTo(201);
        assertThat(response.getResponse()).isEqualTo("{\"ok\":true}");
        response.close();
      }
      assertThat(built).as("one client for every request").hasValue(1);
    } finally {
      client.close();
      server.stop(0);
    }
  }

  @Test
  void closingBeforeAnyRequestBuildsNothingAndLaterRequestsFailClearly() throws Exception {
    AtomicInteger built = new AtomicInteger();
    LazySystemHttpClient client = new LazySystemHttpClient(() -> {
      built.incrementAndGet();
      return HttpClients.createSystem();
    });
    client.close();

    assertThat(built).hasValue(0);
    LazyHttpConnector connector = new LazyHttpConnector();
    connector.setHttpClient(client);
    assertThatThrownBy(() -> connector.createRequest().url("http://127.0.0.1:9/").get().execute())
        .rootCause().hasMessageContaining("đã đóng");
    assertThat(built).hasValue(0);
  }
}
