package io.garagematch.applications;

import io.garagematch.applications.domain.UnifiedSocialCreditCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Valid startup profiles as a partner would POST them, unique per call (name, id, website). */
final class Startups {

  private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private Startups() {}

  static Map<String, Object> chinese() {
    String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("externalRef", "acme-" + suffix);
    p.put("name", "深感科技 " + suffix);
    p.put("registrationId", uscc());
    p.put("website", "https://deepsense-" + suffix + ".example.cn");
    p.put("country", "CN");
    p.put("city", "Shanghai");
    p.put("foundedYear", 2019);
    p.put("employees", 45);
    p.put("language", "zh");
    p.put("pitch", "面向L4自动驾驶的固态激光雷达与多传感器融合");
    p.put("description", "我们为自动驾驶汽车提供低成本固态激光雷达和感知软件。");
    p.put("technologies", new ArrayList<>(List.of("激光雷达", "多传感器融合")));
    p.put("innovationFields", new ArrayList<>(List.of("AUTOMATED_DRIVING")));
    p.put("trl", 7);
    p.put("fundingStage", "SERIES_A");
    p.put("seekingFinancing", true);
    p.put("requestedSupport", new ArrayList<>(List.of("PILOT_PROJECT", "EXPERT_ACCESS")));
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("name", "王丽");
    contact.put("email", "li.wang@deepsense-" + suffix + ".example.cn");
    contact.put("phone", "+86 21 5555 0101");
    p.put("contact", contact);
    return p;
  }

  /** A random, valid Unified Social Credit Code. */
  static String uscc() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder code = new StringBuilder("91310115");
    for (int i = 0; i < 9; i++) {
      code.append(USCC_ALPHABET.charAt(random.nextInt(USCC_ALPHABET.length())));
    }
    return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
  }
}
