package vn.gov.directives.publishing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClassLoaderUtil;
import org.camunda.connect.Connectors;
import org.camunda.connect.httpclient.HttpConnector;
import org.camunda.connect.httpclient.impl.HttpConnectorProviderImpl;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.camunda.connect.plugin.impl.ConnectorParseListener;
import org.camunda.connect.spi.Connector;
import org.camunda.connect.spi.ConnectorConfigurator;
import org.camunda.connect.spi.ConnectorProvider;

/**
 * What Camunda's Connect engine plugin ({@link ConnectProcessEnginePlugin}) does, with one difference: the http-connector is a {@link LazyHttpConnector}, whose HTTP
 * client (TLS context, trust store) is built on the first request instead of at engine start. Every other connector
 * provider on the class path is discovered as Camunda does it, and every {@link ConnectorConfigurator} is applied to
 * the http-connector as Camunda would apply it. Registered as the bean {@code connectProcessEnginePlugin}, which
 * replaces the starter's.
 */
public class LazyHttpConnectPlugin extends AbstractProcessEnginePlugin {

  static final String PROVIDERS = "META-INF/services/" + ConnectorProvider.class.getName();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ClassLoader classLoader = ClassLoaderUtil.getClassloader(ConnectProcessEnginePlugin.class);
    Connectors.loadConnectors(new WithoutProvider(classLoader, HttpConnectorProviderImpl.class.getName()));
    Registration.register(HttpConnector.ID, configured(new LazyHttpConnector(), classLoader));
    List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPreBPMNParseListeners(listeners);
    }
    listeners.add(new ConnectorParseListener());
  }

  /** Connect lets only its own subclasses add a connector instance. */
  static final class Registration extends Connectors {
    static void register(String id, Connector<?> connector) {
      registerConnector(id, connector);
    }
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static Connector<?> configured(Connector<?> connector, ClassLoader classLoader) {
    for (ConnectorConfigurator configurator : ServiceLoader.load(ConnectorConfigurator.class, classLoader)) {
      if (configurator.getConnectorClass().isAssignableFrom(connector.getClass())) {
        configurator.configure(connector);
      }
    }
    return connector;
  }

  /** The application's class loader, except that the connector provider list no longer names one provider. */
  static final class WithoutProvider extends ClassLoader {

    private final String hiddenProvider;

    WithoutProvider(ClassLoader parent, String hiddenProvider) {
      super(parent);
      this.hiddenProvider = hiddenProvider;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      Enumeration<URL> resources = super.getResources(name);
      if (!PROVIDERS.equals(name)) {
        return resources;
      }
      List<URL> kept = new ArrayList<>();
      for (URL url : Collections.list(resources)) {
        if (!namesOnly(url, hiddenProvider)) {
          kept.add(url);
        }
      }
      return Collections.enumeration(kept);
    }

    /** A provider list that names only the hidden provider (the http-client jar's own) is left out whole. */
    private static boolean namesOnly(URL providerList, String provider) {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(providerList.openStream(), StandardCharsets.UTF_8))) {
        List<String> named = reader.lines().map(line -> line.replaceAll("#.*", "").strip())
            .filter(line -> !line.isEmpty()).toList();
        return named.equals(List.of(provider));
      } catch (IOException e) {
        throw new UncheckedIOException("Không đọc được danh sách connector " + providerList, e);
      }
    }
  }
}
