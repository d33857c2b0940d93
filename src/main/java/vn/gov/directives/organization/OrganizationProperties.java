package vn.gov.directives.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.organization.*}.
 *
 * @param file external organisation YAML overriding the bundled Bình Định 2018 file; empty = bundled
 * @param demoUsers create the demo users of {@code organization/demo-users.yaml} (demo profile only; the prod
 *     profile refuses to start with it)
 */
@ConfigurationProperties("app.organization")
public record OrganizationProperties(String file, boolean demoUsers) {}
