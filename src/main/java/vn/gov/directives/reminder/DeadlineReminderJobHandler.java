package vn.gov.directives.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.gov.directives.organization.OrganizationDirectory;

/**
 * Job handler "deadline-reminder": works out who a due reminder is for and hands it to {@link ReminderDelivery},
 * then schedules the following reminder of the same deadline in the same transaction. A task that is gone or whose
 * due date moved since the job was created gets nothing, and no successor (a fresh schedule exists). The periodic
 * reminder of work without deadline likewise sends nothing once the task is gone or its process has a deadline.
 */
public class DeadlineReminderJobHandler implements JobHandler<ReminderJobConfiguration> {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminderJobHandler.class);

  /** Process variables the reminder of work without deadline shows: urgency and what the work is. */
  static final String URGENT = "urgent";
  static final String ASSIGNMENT_TITLE = "assignmentTitle";

  /**
   * How long a group's display name is reused: a burst of reminders to the same few groups would otherwise query
   * them once per reminder. Only the "assigned to" text of the e-mail uses it, so a renamed group shows its new name
   * after at most this long; recipients (group members) are always read afresh.
   */
  static final Duration GROUP_NAME_TTL = Duration.ofSeconds(60);

  private record GroupName(String name, long expiresAtNanos) {}

  private final ReminderDelivery delivery;
  private final ReminderJobScheduler scheduler;
  private final Supplier<OrganizationDirectory> organization;
  private final Map<String, GroupName> groupNames = new ConcurrentHashMap<>();

  public DeadlineReminderJobHandler(ReminderDelivery delivery, ReminderJobScheduler scheduler,
      Supplier<OrganizationDirectory> organization) {
    this.delivery = delivery;
    this.scheduler = scheduler;
    this.organization = organization;
  }

  @Override
  public String getType() {
    return ReminderJobScheduler.JOB_HANDLER_TYPE;
  }

  @Override
  public ReminderJobConfiguration newConfiguration(String canonicalString) {
    return ReminderJobConfiguration.parse(canonicalString);
  }

  @Override
  public void onDelete(ReminderJobConfiguration configuration, JobEntity jobEntity) {
    // nothing kept outside the job
  }

  @Override
  public void execute(ReminderJobConfiguration config, ExecutionEntity execution, CommandContext commandContext,
      String tenantId) {
    // The job executor has no user; a job run by an authenticated admin must not see less.
    JobEntity job = commandContext.getCurrentJob();
    Instant scheduledFor = job == null || job.getDuedate() == null ? null : job.getDuedate().toInstant();
    ReminderNotice notice = commandContext.runWithoutAuthorization(() -> config.kind().aboutTask()
        ? taskNotice(config, scheduledFor, commandContext)
        : deadlineNotice(config, scheduledFor, commandContext));
    if (notice != null) {
      delivery.deliver(notice);
      // after the delivery: a failed one rolls back, and the retry (or the incident) schedules the successor
      if (job != null) {
        scheduler.scheduleNext(execution, job);
      }
    }
  }

  private ReminderNotice taskNotice(
      ReminderJobConfiguration config, Instant scheduledFor, CommandContext commandContext) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(config.subjectId());
    if (task == null || task.isDeleted()) {
      LOG.debug("Task {} is gone: no {}", config.subjectId(), config.kind());
      return null;
    }
    if (config.kind().periodic()) {
      if (!ReminderJobScheduler.noDeadlineReminderCurrent(task, config)) {
        LOG.debug("Task {} was created at {}, not {}, or its process now has a deadline: stale {} skipped",
            task.getId(), task.getCreateTime(), config.deadline(), config.kind());
        return null;
      }
    } else if (task.getDueDate() == null
        || !ReminderSchedule.seconds(task.getDueDate().toInstant()).equals(config.deadline())) {
      LOG.debug("Task {} is now due {}, not {}: stale {} skipped", task.getId(), task.getDueDate(),
          config.deadline(), config.kind());
      return null;
    }
    IdentityService identity = commandContext.getProcessEngineConfiguration().getIdentityService();
    List<String> candidateGroups = new ArrayList<>();
    List<String> candidateUsers = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
      } else if (link.getUserId() != null) {
        candidateUsers.add(link.getUserId());
      }
    }
    // the assignee or the candidate users, in one query: each is both named and, for a reminder, a recipient
    Map<String, User> users = users(identity,
        task.getAssignee() != null ? List.of(task.getAssignee()) : candidateUsers);
    String assignedTo = assignedTo(identity, task.getAssignee(), candidateUsers, candidateGroups, users);

    Map<String, Recipient> recipients = new LinkedHashMap<>();
    String audience;
    if (config.kind() == ReminderKind.TASK_REMINDER) {
      if (task.getAssignee() != null) {
        addUser(task.getAssignee(), users, recipients);
      } else {
        candidateUsers.forEach(user -> addUser(user, users, recipients));
        candidateGroups.forEach(group -> addMembers(identity, group, recipients));
      }
      audience = assignedTo;
    } else if (config.kind().periodic()) {
      // those who do the work and the leaders of their agency
      if (task.getAssignee() != null) {
        addUser(task.getAssignee(), users, recipients);
      } else {
        candidateUsers.forEach(user -> addUser(user, users, recipients));
      }
      candidateGroups.forEach(group -> addMembers(identity, group, recipients));
      OrganizationDirectory directory = organization.get();
      Set<String> agencies = agenciesOf(identity, directory, candidateGroups, task.getAssignee());
      agencies.forEach(agency -> addMembers(identity, directory.leaders(agency), recipients));
      audience = agencies.isEmpty() ? assignedTo
          : String.join("; ", agencies.stream().map(agency -> agencyName(directory, agency)).toList());
    } else {
      OrganizationDirectory directory = organization.get();
      Set<String> agencies = agenciesOf(identity, directory, candidateGroups, task.getAssignee());
      String office = directory.reviewOffice();
      agencies.forEach(agency -> addMembers(identity, directory.leaders(agency), recipients));
      addMembers(identity, directory.specialists(office), recipients);
      addMembers(identity, directory.leaders(office), recipients);
      List<String> parts = new ArrayList<>();
      agencies.stream().filter(agency -> !agency.equals(office))
          .forEach(agency -> parts.add("Lãnh đạo " + agencyName(directory, agency)));
      parts.add(agencyName(directory, office));
      audience = String.join("; ", parts);
    }
    ExecutionEntity processInstance = task.getProcessInstance();
    ProcessDefinitionEntity definition = task.getProcessDefinition();
    boolean periodic = config.kind().periodic();
    return new ReminderNotice(
        config.kind(), config.days(), config.deadline(), scheduledFor, task.getId(), task.getId(), task.getName(),
        task.getProcessInstanceId(), processInstance.getRootProcessInstanceId(),
        definition == null ? null : definition.getKey(), definition == null ? null : definition.getName(),
        processInstance.getBusinessKey(), planTitle(processInstance), audience, assignedTo,
        List.copyOf(recipients.values()),
        periodic && Boolean.TRUE.equals(processInstance.getVariable(URGENT)),
        periodic && processInstance.getVariable(ASSIGNMENT_TITLE) instanceof String title && !title.isBlank()
            ? title : null,
        periodic ? scheduler.schedule().noDeadlineEveryWorkingDays() : 0);
  }

  /** The agencies of the task's candidate groups, else those of its assignee's groups. */
  private static Set<String> agenciesOf(IdentityService identity, OrganizationDirectory directory,
      List<String> candidateGroups, String assignee) {
    Set<String> agencies = new LinkedHashSet<>();
    candidateGroups.forEach(group -> directory.agencyOfGroup(group).ifPresent(agencies::add));
    if (agencies.isEmpty() && assignee != null) {
      identity.createGroupQuery().groupMember(assignee).list()
          .forEach(group -> directory.agencyOfGroup(group.getId()).ifPresent(agencies::add));
    }
    return agencies;
  }

  private ReminderNotice deadlineNotice(
      ReminderJobConfiguration config, Instant scheduledFor, CommandContext commandContext) {
    ExecutionEntity processInstance = commandContext.getExecutionManager().findExecutionById(config.subjectId());
    if (processInstance == null || processInstance.isEnded()) {
      LOG.debug("Process instance {} has ended: no deadline reminder", config.subjectId());
      return null;
    }
    Object planDeadline = processInstance.getVariable(DeadlineReminders.PLAN_DEADLINE);
    if (planDeadline == null || !DeadlineReminders.planDeadline(planDeadline).equals(config.deadline())) {
      LOG.debug("Plan deadline of {} is now {}: stale reminder skipped", config.subjectId(), planDeadline);
      return null;
    }
    IdentityService identity = commandContext.getProcessEngineConfiguration().getIdentityService();
    Map<String, Recipient> recipients = new LinkedHashMap<>();
    Object leadAgency = processInstance.getVariable(DeadlineReminders.LEAD_AGENCY);
    String audience;
    if (leadAgency instanceof String agency && !agency.isBlank()) {
      OrganizationDirectory directory = organization.get();
      addMembers(identity, directory.specialists(agency), recipients);
      audience = "Chuyên viên " + agencyName(directory, agency);
    } else {
      LOG.warn("Process instance {} has no {}: the plan deadline reminder has nobody to go to",
          processInstance.getId(), DeadlineReminders.LEAD_AGENCY);
      audience = "Chưa xác định cơ quan chủ trì (biến leadAgency trống)";
    }
    ProcessDefinitionEntity definition = processInstance.getProcessDefinition();
    return new ReminderNotice(
        config.kind(), config.days(), config.deadline(), scheduledFor, processInstance.getId(), null, null,
        processInstance.getId(), processInstance.getRootProcessInstanceId(), definition.getKey(),
        definition.getName(), processInstance.getBusinessKey(), planTitle(processInstance), audience, null,
        List.copyOf(recipients.values()));
  }

  private static String planTitle(ExecutionEntity processInstance) {
    return processInstance.getVariable("planTitle") instanceof String title && !title.isBlank() ? title : null;
  }

  private String assignedTo(IdentityService identity, String assignee, Collection<String> userIds,
      Collection<String> groupIds, Map<String, User> users) {
    if (assignee != null) {
      return userName(assignee, users);
    }
    List<String> names = new ArrayList<>();
    Map<String, String> groupNames = groupNames(identity, groupIds);
    groupIds.forEach(group -> names.add(groupNames.getOrDefault(group, group)));
    userIds.forEach(user -> names.add(userName(user, users)));
    return names.isEmpty() ? "Chưa giao cho ai" : String.join(", ", names);
  }

  /** The users of the ids that exist, by id: one query however many there are. */
  private static Map<String, User> users(IdentityService identity, Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    Map<String, User> byId = new LinkedHashMap<>();
    identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()
        .forEach(user -> byId.put(user.getId(), user));
    return byId;
  }

  /**
   * The names of the groups that exist and have one, by id: from the last {@link #GROUP_NAME_TTL}, else one query
   * for all that are missing.
   */
  private Map<String, String> groupNames(IdentityService identity, Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return Map.of();
    }
    long now = System.nanoTime();
    Map<String, String> names = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String groupId : groupIds) {
      GroupName known = groupNames.get(groupId);
      if (known != null && known.expiresAtNanos() - now > 0) {
        if (known.name() != null) {
          names.put(groupId, known.name());
        }
      } else {
        missing.add(groupId);
      }
    }
    if (!missing.isEmpty()) {
      Map<String, String> found = new LinkedHashMap<>();
      identity.createGroupQuery().groupIdIn(missing.toArray(String[]::new)).list()
          .forEach(group -> found.put(group.getId(), group.getName()));
      long expires = now + GROUP_NAME_TTL.toNanos();
      for (String groupId : missing) {
        String name = found.get(groupId);
        groupNames.put(groupId, new GroupName(name, expires));
        if (name != null) {
          names.put(groupId, name);
        }
      }
    }
    return names;
  }

  private static void addUser(String userId, Map<String, User> users, Map<String, Recipient> into) {
    User user = users.get(userId);
    into.putIfAbsent(userId, user == null ? new Recipient(userId, userId, null) : recipient(user));
  }

  private static void addMembers(IdentityService identity, String groupId, Map<String, Recipient> into) {
    identity.createUserQuery().memberOfGroup(groupId).list()
        .forEach(user -> into.putIfAbsent(user.getId(), recipient(user)));
  }

  private static Recipient recipient(User user) {
    return new Recipient(user.getId(), fullName(user), user.getEmail());
  }

  private static String fullName(User user) {
    String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), ""))
        .trim();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String userName(String userId, Map<String, User> users) {
    User user = users.get(userId);
    return user == null ? userId : fullName(user);
  }

  private static String agencyName(OrganizationDirectory directory, String code) {
    try {
      return Optional.ofNullable(directory.agency(code).name()).orElse(code);
    } catch (RuntimeException unknown) {
      return code;
    }
  }
}
