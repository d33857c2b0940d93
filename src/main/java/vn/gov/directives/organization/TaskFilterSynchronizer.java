package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Tasklist filters. All sort by due date. "Sắp đến hạn" uses the {@code workingDaysFromNow} function of
 * {@link WorkingDayFunctions}: due after now and before the end of the third working day.
 *
 * <p>Every filter the product creates carries the property {@value #PRODUCT_FILTER} (its key) and
 * {@value #PRODUCT_FILTER_VERSION}. When a new release changes a filter's query, its version goes up and the filters
 * the product created are brought to it at start; the filters of users (an owner set) and shared filters without the
 * marker are never touched. Tasklist drops unknown properties when an administrator edits a filter, so an adjusted
 * filter loses its marker and is left as the administrator made it. Filters created before the marker existed are
 * recognised by their exact original name, description and query ({@link FilterSpec#legacyQuery}).
 */
public class TaskFilterSynchronizer {

  private static final Logger LOG = LoggerFactory.getLogger(TaskFilterSynchronizer.class);

  public static final String MY_TASKS = "Việc của tôi";
  public static final String AGENCY_TASKS = "Việc của đơn vị";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";

  /** Filter property naming the product filter a filter was created as (its key). */
  public static final String PRODUCT_FILTER = "productFilter";
  /** Filter property: the version of the product filter's query the filter holds. */
  public static final String PRODUCT_FILTER_VERSION = "productFilterVersion";

  /** How many working days "Sắp đến hạn" looks ahead. */
  public static final int DUE_SOON_WORKING_DAYS = 3;

  /**
   * One product filter. {@code version} goes up whenever {@code query} or {@code description} changes;
   * {@code legacyDescription} and {@code legacyQuery} are what the first release (without the marker) created.
   */
  record FilterSpec(String key, int version, String name, String description, int priority, String color,
      UnaryOperator<TaskQuery> query, String legacyDescription, UnaryOperator<TaskQuery> legacyQuery) {}

  static List<FilterSpec> specs() {
    String agencyDescription = "Công việc của các nhóm tôi thuộc về, kể cả việc đã có người nhận";
    String dueSoonDescription = "Công việc đến hạn trong " + DUE_SOON_WORKING_DAYS + " ngày làm việc tới";
    UnaryOperator<TaskQuery> dueSoon = q -> q.dueAfterExpression("${now()}")
        .dueBeforeExpression("${" + WorkingDayFunctions.FUNCTION + "(" + DUE_SOON_WORKING_DAYS + ")}");
    return List.of(
        new FilterSpec("my-tasks", 1, MY_TASKS, "Công việc đang giao cho tôi", -10, "#3b82f6",
            TaskFilterSynchronizer::myTasks, "Công việc đang giao cho tôi", TaskFilterSynchronizer::myTasks),
        new FilterSpec("agency-tasks", 1, AGENCY_TASKS, agencyDescription, -5, "#10b981",
            TaskFilterSynchronizer::agencyTasks, agencyDescription, TaskFilterSynchronizer::agencyTasks),
        new FilterSpec("due-soon", 1, DUE_SOON, dueSoonDescription, 0, "#f59e0b", dueSoon, dueSoonDescription,
            dueSoon),
        // v2: the overdue work of the user's own unit, not every overdue task the user may read (a leader or
        // Văn phòng UBND follows other units in Cockpit and the notice progress report); index-driven by group
        new FilterSpec("overdue", 2, OVERDUE,
            "Công việc đã quá hạn xử lý của các nhóm tôi thuộc về và việc giao cho tôi", 5, "#ef4444",
            q -> q.or().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                .taskAssigneeExpression("${currentUser()}").endOr().dueBeforeExpression("${now()}"),
            "Công việc đã quá hạn xử lý", q -> q.dueBeforeExpression("${now()}")));
  }

  private static TaskQuery myTasks(TaskQuery q) {
    return q.taskAssigneeExpression("${currentUser()}");
  }

  private static TaskQuery agencyTasks(TaskQuery q) {
    return q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  private final FilterService filterService;
  private final TaskService taskService;

  public TaskFilterSynchronizer(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Ensures every product filter exists once and holds its current query; returns filter name → id. */
  public Map<String, String> synchronize(SyncReport report) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (FilterSpec spec : specs()) {
      List<Filter> existing = sharedByName(spec.name());
      if (existing.isEmpty()) {
        Filter filter = filterService.newTaskFilter(spec.name());
        apply(spec, filter);
        Filter created = filterService.saveFilter(filter);
        report.changed("filter created " + spec.name());
        existing = sharedByName(spec.name());
        // inside a larger engine command (OrganizationStartup) the new row is written at its end: not found yet
        if (existing.stream().noneMatch(f -> f.getId().equals(created.getId()))) {
          existing.add(created);
        }
      }
      Filter kept = keepOldest(existing);
      if (isOutdatedProductFilter(spec, kept)) {
        int from = productVersion(kept);
        apply(spec, kept);
        filterService.saveFilter(kept);
        report.changed(from == spec.version() ? "filter marked " + spec.name()
            : "filter updated " + spec.name() + " v" + from + " → v" + spec.version());
        LOG.info("Tasklist filter '{}' ({}) brought from version {} to {}", spec.name(), kept.getId(), from,
            spec.version());
      }
      ids.put(spec.name(), kept.getId());
    }
    return ids;
  }

  /** The query, description and marker of {@code spec}; priority, colour and refresh as the product sets them. */
  private void apply(FilterSpec spec, Filter filter) {
    filter.setQuery(query(spec.query()));
    Map<String, Object> properties = new LinkedHashMap<>();
    if (filter.getProperties() != null) {
      properties.putAll(filter.getProperties());
    }
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    properties.put("color", spec.color());
    properties.put("refresh", true);
    properties.put(PRODUCT_FILTER, spec.key());
    properties.put(PRODUCT_FILTER_VERSION, spec.version());
    filter.setProperties(properties);
  }

  private TaskQuery query(UnaryOperator<TaskQuery> criteria) {
    return criteria.apply(taskService.createTaskQuery()).orderByDueDate().asc();
  }

  /**
   * Product-owned and older than the spec: marked with this spec's key and a lower version, or unmarked but exactly
   * as the first release created it (name, description, query).
   */
  boolean isOutdatedProductFilter(FilterSpec spec, Filter filter) {
    if (filter.getOwner() != null) {
      return false;
    }
    Map<String, Object> properties = filter.getProperties() == null ? Map.of() : filter.getProperties();
    if (properties.containsKey(PRODUCT_FILTER)) {
      return spec.key().equals(properties.get(PRODUCT_FILTER)) && productVersion(filter) < spec.version();
    }
    return Objects.equals(properties.get("description"), spec.legacyDescription())
        && json(filter.getQuery()).equals(json(query(spec.legacyQuery())));
  }

  /** The marker's version; 1 for a filter of the first release (no marker). */
  static int productVersion(Filter filter) {
    Object version = filter.getProperties() == null ? null : filter.getProperties().get(PRODUCT_FILTER_VERSION);
    return version instanceof Number n ? n.intValue() : 1;
  }

  private static String json(Object query) {
    return new JsonTaskQueryConverter().toJson((TaskQueryImpl) query).toString();
  }

  /** Shared filters (no owner) of that name; a user's own filter of the same name is not ours. */
  private List<Filter> sharedByName(String name) {
    List<Filter> shared = new ArrayList<>();
    for (Filter filter : filterService.createFilterQuery().filterResourceType(EntityTypes.TASK).filterName(name)
        .list()) {
      if (filter.getOwner() == null) {
        shared.add(filter);
      }
    }
    return shared;
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
