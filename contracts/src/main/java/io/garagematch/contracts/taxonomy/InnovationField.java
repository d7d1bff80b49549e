package io.garagematch.contracts.taxonomy;

/** The programme's innovation fields. The ids are stable: they travel in events and APIs. */
public enum InnovationField {
  DIGITALIZATION("Digitalization", "Digitalisierung", "数字化"),
  ELECTRIFICATION("Electrification", "Elektrifizierung", "电气化"),
  SUSTAINABILITY("Sustainability", "Nachhaltigkeit", "可持续发展"),
  AUTOMATED_DRIVING("Automated driving", "Automatisiertes Fahren", "自动驾驶"),
  SMART_CONNECTIVITY("Smart connectivity", "Intelligente Vernetzung", "智能互联"),
  ARTIFICIAL_INTELLIGENCE("Artificial intelligence", "Künstliche Intelligenz", "人工智能"),
  IOT("Internet of Things", "Internet der Dinge", "物联网"),
  CLOUD_COMPUTING("Cloud computing", "Cloud-Computing", "云计算"),
  NEXT_GEN_VEHICLES("Next-generation vehicles", "Fahrzeuge der nächsten Generation", "下一代汽车"),
  DIGITAL_RETAIL("Digital retail", "Digitaler Handel", "数字零售"),
  MANUFACTURING("Manufacturing", "Produktion", "智能制造"),
  SUPPLY_CHAIN("Supply chain", "Lieferkette", "供应链");

  private final String en;
  private final String de;
  private final String zh;

  InnovationField(String en, String de, String zh) {
    this.en = en;
    this.de = de;
    this.zh = zh;
  }

  public String label(Language language) {
    return switch (language) {
      case EN -> en;
      case DE -> de;
      case ZH -> zh;
    };
  }
}
