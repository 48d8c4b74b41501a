package dev.runtask.runtime.dispatch;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.PicocliException;

/**
 * An option's value as one field of one object (the task, or one of its mixins): what picocli's own
 * field binding does, found by name rather than by reading the field's annotations.
 */
final class FieldValue implements IGetter, ISetter {
  private final Field field;
  private final Object target;

  FieldValue(Field field, Object target) {
    this.field = field;
    this.target = target;
  }

  /** {@code name} declared by {@code declaringClass}, made accessible. */
  static Field field(Class<?> declaringClass, String name) {
    try {
      Field field = declaringClass.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(
          "The task index names field "
              + name
              + " of "
              + declaringClass.getName()
              + ", which it does not have: rebuild the tasks",
          e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get() {
    try {
      return (T) field.get(target);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new PicocliException("Could not get value for field " + field, e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T set(T value) {
    try {
      T previous = (T) field.get(target);
      field.set(target, value);
      return previous;
    } catch (IllegalAccessException | RuntimeException e) {
      throw new PicocliException("Could not set value for field " + field + " to " + value, e);
    }
  }
}
