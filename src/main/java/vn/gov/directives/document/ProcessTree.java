package vn.gov.directives.document;

import java.util.List;

/** The call-activity tree of process instances. */
public interface ProcessTree {

  /** The instance itself, then every sub-process instance below it (any depth). */
  List<String> withDescendants(String processInstanceId);

  /** The instance itself, then its super-process instances up to the root. */
  List<String> withAncestors(String processInstanceId);
}
