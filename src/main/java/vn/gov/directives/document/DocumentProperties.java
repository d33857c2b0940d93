package vn.gov.directives.document;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.documents.*}.
 *
 * @param templateDir a directory whose {@code <name>.yaml} files replace the bundled templates; empty = bundled only
 * @param numbering "per-type" (one series per document type, default) or "shared" (one series per agency and year)
 */
@ConfigurationProperties("app.documents")
public record DocumentProperties(String templateDir, String numbering) {}
