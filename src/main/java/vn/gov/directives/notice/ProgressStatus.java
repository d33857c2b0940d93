package vn.gov.directives.notice;

/** Where an assignment stands for one lead agency, as Văn phòng UBND reports it. */
public enum ProgressStatus {
  COMPLETED_ON_TIME,
  COMPLETED_LATE,
  IN_PROGRESS,
  /** in progress and past its due time */
  OVERDUE,
  /** the lead asked for more time and nobody has decided yet */
  EXTENSION_REQUESTED,
  /** ended without the expected result: UBND tỉnh did not approve the plan or proposal */
  REJECTED
}
