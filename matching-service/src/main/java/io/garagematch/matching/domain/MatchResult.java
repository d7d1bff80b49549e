package io.garagematch.matching.domain;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The score of one (need, startup) pair with its explanation: the hard checks, each component's raw
 * value, weight and contribution, and the evidence behind it.
 */
public record MatchResult(
    String needId,
    String startupId,
    double score,
    boolean passed,
    String weightsVersion,
    List<ComponentScore> breakdown,
    List<HardCheck> hardChecks) {

  /** One component: raw value in [0, 1], its weight, raw × weight, and why. */
  public record ComponentScore(
      String component,
      double raw,
      double weight,
      double contribution,
      @Schema(description = EVIDENCE) Map<String, Object> evidence) {}

  /** The shape of each component's evidence. */
  static final String EVIDENCE =
      "Why the component scored as it did. fields: {matched, related}: innovation field names."
          + " text: {language, translated, terms}: the need's words found in the startup's text,"
          + " as the startup writes them: for each matched term the first word of the text it was"
          + " analysed from (\"vehicles\" for the stem vehicl, \"Fahrzeugbatterie\" for"
          + " batteri), weightiest first, each word once, at most 10, never a stop word of"
          + " English, German or Chinese; a match explained before the words were kept names the"
          + " terms as analysed (lower-case, stemmed). concepts: {matched: [{concept, labels,"
          + " match, startupConcept, startupConceptLabels, needTerms, startupTerms}]}: concept is"
          + " the thesaurus id; labels names it per language ({\"en\", \"de\", \"zh\"}: the"
          + " concept's first term there; a language without a term is left out); match is exact,"
          + " or related (a broader or narrower concept: startupConcept and startupConceptLabels"
          + " name the startup's); needTerms and startupTerms are the terms found, as written."
          + " trl: {trl}. stage: {fundingStage}. geo: {country}.";

  /** One hard filter: its rule, whether the startup passed, and a sentence saying why. */
  public record HardCheck(String rule, boolean passed, String detail) {}
}
