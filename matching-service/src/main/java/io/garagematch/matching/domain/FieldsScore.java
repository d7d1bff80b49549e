package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Share of the need's innovation fields the startup covers: a declared field counts fully; a field
 * only related to a declared one ({@link RelatedFields}), or only revealed by the startup's
 * concepts, counts half. A need that names no field is covered. Evidence: {matched, related}.
 */
final class FieldsScore implements ScoreComponent {

  @Override
  public double raw(AnalysedNeed an, AnalysedStartup as, Map<String, Object> evidence) {
    Set<InnovationField> asked = an.need().innovationFields();
    if (asked.isEmpty()) {
      return 1;
    }
    List<String> matched = evidence == null ? null : new ArrayList<>();
    List<String> related = evidence == null ? null : new ArrayList<>();
    double credit = 0;
    for (InnovationField f : asked) {
      double c = credit(f, as);
      credit += c;
      if (evidence != null && c > 0) {
        (c == 1 ? matched : related).add(f.name());
      }
    }
    if (evidence != null) {
      evidence.put("matched", matched);
      evidence.put("related", related);
    }
    return credit / asked.size();
  }

  /** 1 for a declared field, 0.5 for one only revealed by concepts or related to a declared one. */
  private static double credit(InnovationField f, AnalysedStartup as) {
    Set<InnovationField> declared = as.startup().innovationFields();
    if (declared.contains(f)) {
      return 1;
    }
    if (as.revealedFields().contains(f)) {
      return 0.5;
    }
    for (InnovationField related : RelatedFields.of(f)) {
      if (declared.contains(related)) {
        return 0.5;
      }
    }
    return 0;
  }
}
