package io.garagematch.matching.service;

import io.garagematch.matching.repository.ExpertEntity;
import io.garagematch.matching.repository.ExpertRepository;
import io.garagematch.matching.repository.ProcessedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The experts read model: registered and changed experts are kept (never going back to an older
 * version), removed ones dropped; each event once.
 */
@ApplicationScoped
public class ExpertDirectory {

  private final ExpertRepository experts;
  private final ProcessedEventRepository processed;

  public ExpertDirectory(ExpertRepository experts, ProcessedEventRepository processed) {
    this.experts = experts;
    this.processed = processed;
  }

  @Transactional
  public void put(String eventId, String topic, UUID id, String businessUnit, int version) {
    if (!processed.firstTime(eventId, topic)) {
      return;
    }
    ExpertEntity e = experts.findById(id);
    if (e != null && e.version >= version) {
      return;
    }
    boolean fresh = e == null;
    if (fresh) {
      e = new ExpertEntity();
      e.id = id;
    }
    e.businessUnit = businessUnit;
    e.version = version;
    e.updatedAt = MatchService.now();
    if (fresh) {
      experts.persist(e);
    }
  }

  @Transactional
  public void remove(String eventId, String topic, UUID id) {
    if (processed.firstTime(eventId, topic)) {
      experts.deleteById(id);
    }
  }
}
