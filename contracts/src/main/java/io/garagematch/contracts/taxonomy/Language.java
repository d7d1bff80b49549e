package io.garagematch.contracts.taxonomy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The programme's languages; written as ISO 639-1 codes ({@code zh}, {@code en}, {@code de}). */
public enum Language {
  @JsonProperty("zh")
  ZH,
  @JsonProperty("en")
  EN,
  @JsonProperty("de")
  DE
}
