package vn.gov.directives.organization;

/** Where an agency sits: the People's Committee itself, a specialised agency under it, a district unit, other. */
public enum AgencyKind {
  COMMITTEE,
  DEPARTMENT,
  DISTRICT,
  OTHER
}
