package io.garagematch.matching.domain;

import io.garagematch.contracts.taxonomy.InnovationField;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Innovation fields close enough to each other that a startup declaring one partly answers a need
 * asking for the other (the fields component gives it half credit). The relation is symmetric.
 */
final class RelatedFields {

  private static final Map<InnovationField, Set<InnovationField>> RELATED = relatedFields();

  private RelatedFields() {}

  /** The fields related to {@code field}; none if it has none. */
  static Set<InnovationField> of(InnovationField field) {
    return RELATED.getOrDefault(field, Set.of());
  }

  private static Map<InnovationField, Set<InnovationField>> relatedFields() {
    Map<InnovationField, Set<InnovationField>> m = new EnumMap<>(InnovationField.class);
    relate(m, InnovationField.AUTOMATED_DRIVING, InnovationField.ARTIFICIAL_INTELLIGENCE);
    relate(m, InnovationField.AUTOMATED_DRIVING, InnovationField.NEXT_GEN_VEHICLES);
    relate(m, InnovationField.SMART_CONNECTIVITY, InnovationField.IOT);
    relate(m, InnovationField.SMART_CONNECTIVITY, InnovationField.NEXT_GEN_VEHICLES);
    relate(m, InnovationField.CLOUD_COMPUTING, InnovationField.DIGITALIZATION);
    relate(m, InnovationField.CLOUD_COMPUTING, InnovationField.ARTIFICIAL_INTELLIGENCE);
    relate(m, InnovationField.DIGITAL_RETAIL, InnovationField.DIGITALIZATION);
    relate(m, InnovationField.ELECTRIFICATION, InnovationField.SUSTAINABILITY);
    relate(m, InnovationField.ELECTRIFICATION, InnovationField.NEXT_GEN_VEHICLES);
    relate(m, InnovationField.MANUFACTURING, InnovationField.SUPPLY_CHAIN);
    relate(m, InnovationField.MANUFACTURING, InnovationField.IOT);
    relate(m, InnovationField.SUPPLY_CHAIN, InnovationField.SUSTAINABILITY);
    relate(m, InnovationField.DIGITALIZATION, InnovationField.ARTIFICIAL_INTELLIGENCE);
    return m;
  }

  private static void relate(
      Map<InnovationField, Set<InnovationField>> m, InnovationField a, InnovationField b) {
    m.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
    m.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
  }
}
