package vn.gov.directives.assignment;

/** Where one (assignment, lead agency) stands, as the assignment process reports it to the notice registry. */
public enum AssignmentStatus {
  IN_PROGRESS,
  EXTENSION_REQUESTED,
  EXTENSION_GRANTED,
  EXTENSION_REFUSED,
  COMPLETED,
  /** ended without the expected result: UBND tỉnh did not approve the plan or proposal */
  REJECTED
}
