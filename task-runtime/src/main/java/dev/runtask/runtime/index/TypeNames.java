package dev.runtask.runtime.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Compile-time types as the runtime's reflection will see them: {@link Class#getName()} spellings,
 * and picocli's auxiliary types inferred from a field's generic type exactly as picocli infers them
 * from {@code Field.getGenericType()} (RuntimeTypeInfo.inferTypes and extractTypeParameters).
 */
final class TypeNames {
  private final Elements elements;
  private final Types types;

  TypeNames(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code int}, {@code java.lang.String}, {@code a.Outer$Inner}, {@code [I}, {@code [Lx.Y;}. */
  String name(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    if (erased.getKind().isPrimitive()) {
      return erased.getKind().name().toLowerCase(Locale.ROOT);
    }
    if (erased instanceof ArrayType array) {
      return "[" + descriptor(array.getComponentType());
    }
    return elements.getBinaryName((TypeElement) types.asElement(erased)).toString();
  }

  private String descriptor(TypeMirror component) {
    TypeMirror erased = types.erasure(component);
    return switch (erased.getKind()) {
      case BOOLEAN -> "Z";
      case BYTE -> "B";
      case CHAR -> "C";
      case SHORT -> "S";
      case INT -> "I";
      case LONG -> "J";
      case FLOAT -> "F";
      case DOUBLE -> "D";
      case ARRAY -> "[" + descriptor(((ArrayType) erased).getComponentType());
      default -> "L" + name(erased) + ";";
    };
  }

  /**
   * picocli's auxiliary types of a field of type {@code type}; empty when picocli would refuse the
   * type (it throws "Unsupported generic type" at start-up).
   */
  Optional<List<String>> auxiliaryTypes(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return isNamed(array.getComponentType(), "java.util.Optional")
          ? Optional.empty()
          : Optional.of(List.of(name(array.getComponentType())));
    }
    if (isMultiValue(type) || isNamed(type, "java.util.Optional")) {
      DeclaredType declared = (DeclaredType) type;
      return declared.getTypeArguments().isEmpty()
          ? Optional.of(List.of("java.lang.String", "java.lang.String"))
          : typeParameters(declared);
    }
    return Optional.of(List.of(name(type)));
  }

  private Optional<List<String>> typeParameters(DeclaredType type) {
    List<String> result = new ArrayList<>();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    for (int i = 0; i < arguments.size(); i++) {
      TypeMirror argument = arguments.get(i);
      if (isPlainClass(argument)) {
        result.add(name(argument));
      } else if (argument instanceof DeclaredType parameterized) {
        result.add(name(parameterized));
        if (i == 1 && isNamed(parameterized, "java.util.Optional")) {
          typeParameters(parameterized)
              .filter(inner -> inner.size() == 1)
              .ifPresent(result::addAll);
        }
      } else if (argument instanceof WildcardType wildcard) {
        TypeMirror lower = wildcard.getSuperBound();
        TypeMirror upper = wildcard.getExtendsBound();
        if (lower != null && isPlainClass(lower)) {
          result.add(name(lower));
        } else if (upper == null) {
          result.add("java.lang.Object");
        } else if (isPlainClass(upper)) {
          result.add(name(upper));
        } else {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(result);
  }

  /** What reflection returns as a {@code Class} rather than a parameterized or generic type. */
  private boolean isPlainClass(TypeMirror type) {
    if (type instanceof ArrayType array) {
      TypeMirror component = array.getComponentType();
      return component.getKind().isPrimitive() || isPlainClass(component);
    }
    return type instanceof DeclaredType declared && declared.getTypeArguments().isEmpty();
  }

  private boolean isMultiValue(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && (isSubtypeOf(type, "java.util.Collection") || isSubtypeOf(type, "java.util.Map"));
  }

  private boolean isSubtypeOf(TypeMirror type, String className) {
    TypeElement element = elements.getTypeElement(className);
    return element != null
        && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
  }

  private boolean isNamed(TypeMirror type, String className) {
    return type.getKind() == TypeKind.DECLARED && name(type).equals(className);
  }
}
