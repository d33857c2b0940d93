package vn.gov.directives.publishing;

import org.apache.http.impl.client.CloseableHttpClient;
import org.camunda.connect.httpclient.impl.HttpConnectorImpl;

/** Camunda's http-connector, unchanged, except that its HTTP client is built on the first request. */
public class LazyHttpConnector extends HttpConnectorImpl {

  @Override
  protected CloseableHttpClient createClient() {
    // called from the superclass constructor: no field of this class may be used here
    return new LazySystemHttpClient();
  }
}
