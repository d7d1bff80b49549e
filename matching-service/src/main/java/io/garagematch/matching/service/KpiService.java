package io.garagematch.matching.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Programme KPIs against the programme's targets (DESIGN §1). */
@ApplicationScoped
public class KpiService {

  /** One KPI: its value, the target (null where the programme sets none) and the share reached. */
  public record Kpi(String name, long value, Long target, Double progress) {
    static Kpi of(String name, long value, Long target) {
      return new Kpi(
          name,
          value,
          target,
          target == null ? null : Math.round(1000.0 * value / target) / 1000.0);
    }
  }

  /** All KPIs. */
  public record Kpis(List<Kpi> items) {}

  private final EntityManager em;

  public KpiService(EntityManager em) {
    this.em = em;
  }

  public Kpis kpis() {
    return new Kpis(
        List.of(
            Kpi.of("startupsServed", count("select count(*) from startup"), 300L),
            Kpi.of(
                "startupsWithAcceptedMatch",
                count(
                    "select count(distinct m.application_id) from match m join match_decision d on d.match_id = m.id"
                        + " where d.decision in ('ACCEPTED', 'PILOT_STARTED', 'PURCHASE_ORDER_ISSUED')"),
                200L),
            Kpi.of("pilotsStarted", decided("PILOT_STARTED"), 30L),
            Kpi.of("purchaseOrders", decided("PURCHASE_ORDER_ISSUED"), null),
            Kpi.of(
                "financingIntroductions",
                count(
                    "select count(distinct m.application_id) from match m join match_decision d on d.match_id = m.id"
                        + " where d.decision = 'FINANCING_INTRODUCED'"),
                20L)));
  }

  private long decided(String decision) {
    return ((Number)
            em.createNativeQuery(
                    "select count(distinct match_id) from match_decision where decision = ?1")
                .setParameter(1, decision)
                .getSingleResult())
        .longValue();
  }

  private long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }
}
