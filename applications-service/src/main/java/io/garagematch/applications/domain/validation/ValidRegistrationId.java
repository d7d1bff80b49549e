package io.garagematch.applications.domain.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.garagematch.applications.domain.ApplicationProfile;
import io.garagematch.applications.domain.UnifiedSocialCreditCode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A registration id that looks Chinese — the startup is in China, or the id has the shape of a
 * Unified Social Credit Code — must be a USCC with the right check character.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = ValidRegistrationId.Validator.class)
public @interface ValidRegistrationId {
  String message() default
      "must be a Unified Social Credit Code: 18 characters with a valid check character";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Reports the violation on the {@code registrationId} field. */
  class Validator implements ConstraintValidator<ValidRegistrationId, ApplicationProfile> {
    @Override
    public boolean isValid(ApplicationProfile profile, ConstraintValidatorContext context) {
      String id = profile.normalizedRegistrationId();
      if (id == null) {
        return true;
      }
      boolean looksChinese =
          "CN".equals(profile.country()) || UnifiedSocialCreditCode.looksLikeOne(id);
      if (!looksChinese || UnifiedSocialCreditCode.isValid(id)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("registrationId")
          .addConstraintViolation();
      return false;
    }
  }
}
