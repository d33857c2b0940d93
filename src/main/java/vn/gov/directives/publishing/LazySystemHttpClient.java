package vn.gov.directives.publishing;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.client.ClientProtocolException;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.conn.ClientConnectionManager;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.params.HttpParams;
import org.apache.http.protocol.HttpContext;

/**
 * The HTTP client Camunda Connect's http-connector would create at engine start ({@link HttpClients#createSystem()}:
 * system proxy and TLS settings, a connection pool), built on the first request instead. Building it loads the JDK's
 * TLS stack and parses the trust store (~450 classes, a measurable part of a node's start-up) for a call that only
 * the portal publication makes. Nothing that could fail at start moves: an unusable trust store never stopped the
 * start (the JDK then hands out a socket factory that fails on the first TLS connection, with or without this).
 */
public class LazySystemHttpClient extends CloseableHttpClient {

  private final Supplier<CloseableHttpClient> factory;
  private volatile CloseableHttpClient delegate;
  private boolean closed;

  public LazySystemHttpClient() {
    this(HttpClients::createSystem);
  }

  LazySystemHttpClient(Supplier<CloseableHttpClient> factory) {
    this.factory = factory;
  }

  /** Whether the real client exists yet (tests; start-up must not create it). */
  public boolean isCreated() {
    return delegate != null;
  }

  CloseableHttpClient delegate() {
    CloseableHttpClient client = delegate;
    if (client == null) {
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("Máy khách HTTP của Camunda Connect đã đóng");
        }
        client = delegate;
        if (client == null) {
          client = factory.get();
          delegate = client;
        }
      }
    }
    return client;
  }

  @Override
  protected CloseableHttpResponse doExecute(HttpHost target, HttpRequest request, HttpContext context)
      throws IOException, ClientProtocolException {
    return delegate().execute(target, request, context);
  }

  @Override
  public void close() throws IOException {
    CloseableHttpClient client;
    synchronized (this) {
      closed = true;
      client = delegate;
    }
    if (client != null) {
      client.close();
    }
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public HttpParams getParams() {
    return delegate().getParams();
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public ClientConnectionManager getConnectionManager() {
    return delegate().getConnectionManager();
  }
}
