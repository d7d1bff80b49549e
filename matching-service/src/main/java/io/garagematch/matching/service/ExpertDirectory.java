package io.garagematch.matching.service;

import io.garagematch.contracts.taxonomy.InnovationField;
import io.garagematch.matching.repository.ExpertEntity;
import io.garagematch.matching.repository.ExpertRepository;
import io.garagematch.matching.repository.ProcessedEventRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;

/**
 * The experts read model: registered and changed experts are kept (never going back to an older
 * version), removed ones dropped; each event once. A change can make room (the unit's queue is
 * served) or take an expert away (their open matches go back to the queue first).
 */
@ApplicationScoped
public class ExpertDirectory {

  private final ExpertRepository experts;
  private final ProcessedEventRepository processed;
  private final Assignments assignments;

  public ExpertDirectory(
      ExpertRepository experts, ProcessedEventRepository processed, Assignments assignments) {
    this.experts = experts;
    this.processed = processed;
    this.assignments = assignments;
  }

  @Transactional
  public void put(
      String eventId,
      String topic,
      UUID id,
      String businessUnit,
      Set<InnovationField> innovationFields,
      Integer maxOpenReviews,
      int version) {
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
    String before = fresh ? null : e.businessUnit;
    e.businessUnit = businessUnit;
    e.innovationFields = innovationFields == null ? Set.of() : Set.copyOf(innovationFields);
    e.maxOpenReviews = maxOpenReviews;
    e.version = version;
    e.updatedAt = MatchService.now();
    if (fresh) {
      experts.persist(e);
    }
    if (before != null && !before.equals(businessUnit)) {
      assignments.release(e.id, before);
    }
    assignments.fillQueue(businessUnit);
  }

  @Transactional
  public void remove(String eventId, String topic, UUID id) {
    if (!processed.firstTime(eventId, topic)) {
      return;
    }
    ExpertEntity e = experts.findById(id);
    if (e != null) {
      experts.delete(e);
      assignments.release(id, e.businessUnit);
    }
  }
}
