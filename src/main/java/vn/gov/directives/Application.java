package vn.gov.directives;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import vn.gov.directives.startup.AheadOfTimeMode;

@SpringBootApplication
public class Application {

  public static void main(String[] args) {
    AheadOfTimeMode.useBuildTimeDefinitionsWhenPackaged(Application.class);
    SpringApplication.run(Application.class, args);
  }
}
