package io.garagematch.applications.domain;

import java.util.regex.Pattern;

/**
 * China's Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check
 * character computed modulo 31 over the first 17.
 */
public final class UnifiedSocialCreditCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final Pattern SHAPE =
      Pattern.compile("[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}");

  private UnifiedSocialCreditCode() {}

  /** Whether {@code code} has the shape of a USCC: 18 characters of its alphabet, digits 3–8. */
  public static boolean looksLikeOne(String code) {
    return code != null && SHAPE.matcher(code).matches();
  }

  /** Whether {@code code} is a USCC whose check character is right. */
  public static boolean isValid(String code) {
    return looksLikeOne(code) && code.charAt(17) == checkCharacter(code.substring(0, 17));
  }

  /** The check character for the first 17 characters of a code. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
