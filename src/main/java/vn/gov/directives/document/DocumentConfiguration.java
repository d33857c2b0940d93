package vn.gov.directives.document;

import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.gov.directives.organization.OrganizationDirectory;

/** Wires the document capability on the application's DataSource and transaction manager. */
@Configuration
@EnableConfigurationProperties(DocumentProperties.class)
public class DocumentConfiguration {

  @Bean
  TemplateLibrary documentTemplates(DocumentProperties properties) {
    String dir = properties.templateDir();
    return new TemplateLibrary(dir == null || dir.isBlank() ? null : Path.of(dir));
  }

  @Bean
  NumberRegister documentNumberRegister(JdbcTemplate jdbc, PlatformTransactionManager transactions,
      DocumentProperties properties) {
    return new NumberRegister(jdbc, transactions, NumberRegister.Numbering.parse(properties.numbering()));
  }

  @Bean
  DocumentStore documentStore(JdbcTemplate jdbc) {
    return new DocumentStore(jdbc);
  }

  @Bean
  ProcessTree documentProcessTree(ProcessEngine engine) {
    return new CamundaProcessTree(engine);
  }

  @Bean
  DefaultDocumentService documentService(TemplateLibrary templates, OrganizationDirectory organization,
      NumberRegister register, DocumentStore store, ProcessTree processTree, PlatformTransactionManager transactions) {
    return new DefaultDocumentService(templates, organization, register, store, processTree, transactions);
  }
}
