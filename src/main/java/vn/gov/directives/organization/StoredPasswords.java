package vn.gov.directives.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * Compares candidate passwords with the salted hashes Camunda stores, without {@code checkPassword}: that call
 * counts failed attempts and would lock the users it is asked about.
 */
public final class StoredPasswords {

  private final PasswordManager passwordManager;

  public StoredPasswords(ProcessEngine engine) {
    this.passwordManager = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getPasswordManager();
  }

  /** True when the user's stored password is {@code candidate}. */
  public boolean matches(User user, String candidate) {
    if (!(user instanceof UserEntity entity) || entity.getPassword() == null || candidate == null) {
      return false;
    }
    return passwordManager.check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword());
  }

  /**
   * What {@code password} lacks under Camunda's default password policy (the one {@code enablePasswordPolicy}
   * switches on), in Vietnamese; empty when it complies.
   */
  public static List<String> policyViolations(String password, String userId) {
    List<String> problems = new ArrayList<>();
    User user = new UserEntity(userId == null ? "" : userId);
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!rule.execute(password, user)) {
        problems.add(describe(rule.getPlaceholder(), rule.getParameters()));
      }
    }
    return problems;
  }

  private static String describe(String placeholder, Map<String, String> parameters) {
    String n = parameters == null || parameters.isEmpty() ? "" : parameters.values().iterator().next();
    return switch (placeholder) {
      case "PASSWORD_POLICY_LENGTH" -> "ít nhất " + n + " ký tự";
      case "PASSWORD_POLICY_LOWERCASE" -> "ít nhất " + n + " chữ thường";
      case "PASSWORD_POLICY_UPPERCASE" -> "ít nhất " + n + " chữ hoa";
      case "PASSWORD_POLICY_DIGIT" -> "ít nhất " + n + " chữ số";
      case "PASSWORD_POLICY_SPECIAL" -> "ít nhất " + n + " ký tự đặc biệt";
      case "PASSWORD_POLICY_USER_DATA" -> "không chứa tên đăng nhập, họ tên hay e-mail";
      default -> placeholder;
    };
  }
}
