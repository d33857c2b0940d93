package vn.gov.directives.organization;

/**
 * A leader who may sign for an agency.
 *
 * @param userId Camunda user id (may be null when the leader has no account)
 * @param name full name as printed under the signature, e.g. "Nguyễn Phi Long"
 * @param title Vietnamese title, e.g. "Giám đốc", "Phó Giám đốc", "Chủ tịch", "Phó Chủ tịch"
 * @param deputy true for a deputy (Phó ...), who signs KT. on behalf of the head
 */
public record Leader(String agencyCode, String userId, String name, String title, boolean deputy) {}
