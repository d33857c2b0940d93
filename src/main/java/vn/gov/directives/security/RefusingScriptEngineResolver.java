package vn.gov.directives.security;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * Script engines are switched off: Camunda 7 has no "scripting enabled" flag, so every script language (Groovy,
 * JavaScript, even JUEL as a script) resolves to a clear refusal. The second line of defence behind
 * {@link ScriptRefusingParseListener}, and the one that also covers DMN decisions written in a script language.
 */
public class RefusingScriptEngineResolver implements ScriptEngineResolver {

  private final ScriptEngineManager empty = new ScriptEngineManager(null) {
    @Override
    public ScriptEngine getEngineByName(String shortName) {
      return null;
    }
  };

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory factory) {
    // nothing is registered: no script engine may ever be handed out
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return empty;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean useCache) {
    throw new ProcessEngineException("Mã kịch bản (script) đã bị tắt trên máy chủ này: không chạy ngôn ngữ '"
        + language + "' (script engines are disabled)");
  }
}
