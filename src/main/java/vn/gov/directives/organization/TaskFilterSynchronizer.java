package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Tasklist filters, created once by name (an administrator may then adjust them in Tasklist; they are not
 * overwritten). All sort by due date. "Sắp đến hạn" uses the {@code workingDaysFromNow} function of
 * {@link WorkingDayFunctions}: due after now and before the end of the third working day.
 */
public class TaskFilterSynchronizer {

  private static final Logger LOG = LoggerFactory.getLogger(TaskFilterSynchronizer.class);

  public static final String MY_TASKS = "Việc của tôi";
  public static final String AGENCY_TASKS = "Việc của đơn vị";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";

  /** How many working days "Sắp đến hạn" looks ahead. */
  public static final int DUE_SOON_WORKING_DAYS = 3;

  record FilterSpec(String name, String description, int priority, String color, UnaryOperator<TaskQuery> query) {}

  static List<FilterSpec> specs() {
    return List.of(
        new FilterSpec(MY_TASKS, "Công việc đang giao cho tôi", -10, "#3b82f6",
            q -> q.taskAssigneeExpression("${currentUser()}")),
        new FilterSpec(AGENCY_TASKS, "Công việc của các nhóm tôi thuộc về, kể cả việc đã có người nhận", -5,
            "#10b981", q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
        new FilterSpec(DUE_SOON, "Công việc đến hạn trong " + DUE_SOON_WORKING_DAYS + " ngày làm việc tới", 0,
            "#f59e0b", q -> q.dueAfterExpression("${now()}")
                .dueBeforeExpression("${" + WorkingDayFunctions.FUNCTION + "(" + DUE_SOON_WORKING_DAYS + ")}")),
        new FilterSpec(OVERDUE, "Công việc đã quá hạn xử lý", 5, "#ef4444",
            q -> q.dueBeforeExpression("${now()}")));
  }

  private final FilterService filterService;
  private final TaskService taskService;

  public TaskFilterSynchronizer(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Ensures every filter exists exactly once; returns filter name → id. */
  public Map<String, String> synchronize(SyncReport report) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (FilterSpec spec : specs()) {
      List<Filter> existing = byName(spec.name());
      if (existing.isEmpty()) {
        Filter filter = filterService.newTaskFilter(spec.name());
        filter.setQuery(spec.query().apply(taskService.createTaskQuery()).orderByDueDate().asc());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", spec.description());
        properties.put("priority", spec.priority());
        properties.put("color", spec.color());
        properties.put("refresh", true);
        filter.setProperties(properties);
        filterService.saveFilter(filter);
        report.changed("filter created " + spec.name());
        existing = byName(spec.name());
      }
      ids.put(spec.name(), keepOldest(existing).getId());
    }
    return ids;
  }

  private List<Filter> byName(String name) {
    return new ArrayList<>(filterService.createFilterQuery()
        .filterResourceType(EntityTypes.TASK).filterName(name).list());
  }

  /** Filter names are not unique in the database: two nodes starting together may both create one; keep one. */
  private Filter keepOldest(List<Filter> filters) {
    filters.sort(Comparator.comparing((Filter f) -> f.getId().length()).thenComparing(Filter::getId));
    for (Filter duplicate : filters.subList(1, filters.size())) {
      try {
        filterService.deleteFilter(duplicate.getId());
        LOG.info("Removed duplicate Tasklist filter '{}' ({})", duplicate.getName(), duplicate.getId());
      } catch (ProcessEngineException e) {
        LOG.debug("Duplicate filter {} already removed by another node", duplicate.getId());
      }
    }
    return filters.get(0);
  }
}
