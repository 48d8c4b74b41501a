package dev.runtask.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
  @Test
  void launcherCodes_everyCodeOutsideTheTaskRange_isExplained() throws IllegalAccessException {
    List<Integer> reserved = new ArrayList<>();
    for (Field field : ExitCodes.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        int code = field.getInt(null);
        if (code >= 100) {
          reserved.add(code);
        }
      }
    }
    String explained = String.join(", ", ExitCodes.launcherCodes().keySet());

    assertThat(reserved).isNotEmpty().allMatch(code -> explained.contains(String.valueOf(code)));
  }

  @Test
  void isTaskCode_boundaries() {
    assertThat(ExitCodes.isTaskCode(0)).isTrue();
    assertThat(ExitCodes.isTaskCode(99)).isTrue();
    assertThat(ExitCodes.isTaskCode(100)).isFalse();
    assertThat(ExitCodes.isTaskCode(-1)).isFalse();
  }
}
