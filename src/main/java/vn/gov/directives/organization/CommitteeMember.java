package vn.gov.directives.organization;

/**
 * A member of the People's Committee (Chủ tịch, Phó Chủ tịch, Ủy viên) who votes on legal normative decisions.
 *
 * @param userId Camunda user id that receives the vote task
 * @param name full name as printed in the vote summary
 * @param title e.g. "Chủ tịch UBND tỉnh", "Giám đốc Sở Tư pháp"
 */
public record CommitteeMember(String userId, String name, String title) {}
