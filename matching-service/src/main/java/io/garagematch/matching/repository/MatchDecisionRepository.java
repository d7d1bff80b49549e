package io.garagematch.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Decisions on matches. */
@ApplicationScoped
public class MatchDecisionRepository implements PanacheRepositoryBase<MatchDecisionEntity, UUID> {}
