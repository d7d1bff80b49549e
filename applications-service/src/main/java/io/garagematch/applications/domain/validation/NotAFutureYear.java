package io.garagematch.applications.domain.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Year;
import java.time.ZoneOffset;

/** A calendar year that has begun somewhere on Earth. */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = NotAFutureYear.Validator.class)
public @interface NotAFutureYear {
  String message() default "must not be in the future";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Compares with the current year at UTC+14, the first time zone to enter a new year. */
  class Validator implements ConstraintValidator<NotAFutureYear, Integer> {
    @Override
    public boolean isValid(Integer value, ConstraintValidatorContext context) {
      return value == null || value <= Year.now(ZoneOffset.ofHours(14)).getValue();
    }
  }
}
