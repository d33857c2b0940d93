package vn.gov.directives.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, answers Camunda's "which groups have any authorization" with a loose index scan.
 *
 * <p>Every engine command that checks authorizations first runs {@value #CAMUNDA_STATEMENT} ({@code SELECT
 * distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) to drop the user's groups that have no authorization. The engine
 * writes one authorization row per open task and candidate group, so that is a full read of a table as large as the
 * open work (50,000 rows in benchmark 4), in every command: four times per Tasklist filter request (the filter, the
 * page, the count, the HAL process definitions). The replacement ({@value #RESOURCE}) returns the same groups from
 * Camunda's index on {@code GROUP_ID_}, one probe per group. Access is unchanged: the set is the same, and the engine
 * still checks every authorization row as before. H2 and the other databases keep Camunda's statement.
 *
 * <p>Camunda chooses statements per database through {@link DbSqlSessionFactory#mapStatement}; its table of
 * mappings has no public setter, so this engine's copy is replaced by reflection (a copy: other engines in the JVM
 * keep theirs). {@code app.database.authorized-groups-loose-scan=false} switches it off.
 */
@Component
public class AuthorizedGroupIdsQuery extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizedGroupIdsQuery.class);

  static final String CAMUNDA_STATEMENT = "selectAuthorizedGroupIds";
  static final String STATEMENT = "selectAuthorizedGroupIds_looseIndexScan";
  static final String RESOURCE = "db/camunda/authorized-group-ids.postgres.xml";

  private final boolean enabled;

  public AuthorizedGroupIdsQuery(
      @Value("${app.database.authorized-groups-loose-scan:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (enabled && DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
      install(configuration);
    }
  }

  /**
   * Adds the statement to this engine's MyBatis configuration and maps Camunda's statement to it; false (and
   * Camunda's statement kept) if a Camunda upgrade removed the mapping table — AuthorizedGroupIdsQueryTest says so.
   */
  public static boolean install(ProcessEngineConfigurationImpl configuration) {
    Field field = mappingsField();
    if (field == null) {
      LOG.warn("Camunda's DbSqlSessionFactory has no field statementMappings: authorized groups are read by"
          + " Camunda's own statement (a full read of ACT_RU_AUTHORIZATION per command)");
      return false;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.hasStatement(STATEMENT)) {
      try (InputStream mapper = AuthorizedGroupIdsQuery.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (mapper == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        new XMLMapperBuilder(mapper, mybatis, RESOURCE, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory factory = configuration.getDbSqlSessionFactory();
    try {
      // a copy: the map Camunda holds is shared by every PostgreSQL engine of the JVM
      @SuppressWarnings("unchecked")
      Map<String, String> camunda = (Map<String, String>) field.get(factory);
      Map<String, String> mappings = camunda == null ? new HashMap<>() : new HashMap<>(camunda);
      mappings.put(CAMUNDA_STATEMENT, STATEMENT);
      field.set(factory, mappings);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    LOG.info("Authorized groups read by a loose index scan ({} → {})", CAMUNDA_STATEMENT, STATEMENT);
    return true;
  }

  /** Back to Camunda's statement (benchmark 4 measures both in the same run). */
  public static void uninstall(ProcessEngineConfigurationImpl configuration) {
    Field field = mappingsField();
    if (field == null) {
      return;
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, String> current = (Map<String, String>) field.get(configuration.getDbSqlSessionFactory());
      if (current != null && STATEMENT.equals(current.get(CAMUNDA_STATEMENT))) {
        Map<String, String> mappings = new HashMap<>(current);
        mappings.remove(CAMUNDA_STATEMENT);
        field.set(configuration.getDbSqlSessionFactory(), mappings);
      }
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether this engine reads the authorized groups by the loose index scan. */
  public static boolean installed(ProcessEngineConfigurationImpl configuration) {
    return STATEMENT.equals(configuration.getDbSqlSessionFactory().mapStatement(CAMUNDA_STATEMENT));
  }

  private static Field mappingsField() {
    try {
      Field field = DbSqlSessionFactory.class.getDeclaredField("statementMappings");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }
}
