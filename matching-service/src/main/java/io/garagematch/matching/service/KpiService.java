package io.garagematch.matching.service;

import io.garagematch.platform.rest.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The programme's KPIs, counted from the current state of matches and the decisions still in force
 * (a reverted decision counts nowhere), each dated by the step that makes it count, within a window
 * (the programme's by default), for the whole programme, one business unit or one partner, and
 * month by month. Definitions: docs/kpis.md.
 */
@ApplicationScoped
public class KpiService {

  /** One month's count. */
  public record Month(String month, long value) {}

  /** One KPI: its value, the target (null where none is set), the share reached, per month. */
  public record Kpi(
      String name,
      String description,
      long value,
      Long target,
      Double progress,
      List<Month> byMonth) {}

  /** The KPIs of a window, for a unit or partner or the whole programme. */
  public record Kpis(
      LocalDate from, LocalDate to, String businessUnit, String partnerId, List<Kpi> items) {}

  private record Definition(String name, String description, String sql) {}

  private static final String BASE =
      " from match m join need n on n.id = m.need_id left join startup s on s.id = m.application_id"
          + " %s where (cast(?1 as text) is null or n.business_unit = ?1)"
          + " and (cast(?2 as text) is null or s.partner_id = ?2) %s";

  private static final String IN_FORCE =
      "join match_decision d on d.match_id = m.id and d.reverted_by is null and d.decision <> 'REVERTED'";

  private static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              "startupsServed",
              "Startups proposed to a business unit at least once (withdrawn or erased later"
                  + " ones included), dated by their first proposal",
              "select cast(m.application_id as text), m.created_at" + BASE.formatted("", "")),
          new Definition(
              "companiesBenefited",
              "Startups with a match a unit shortlisted or accepted and did not reject since,"
                  + " dated by that decision",
              "select cast(m.application_id as text), d.decided_at"
                  + BASE.formatted(
                      IN_FORCE,
                      "and d.to_status in ('SHORTLISTED', 'ACCEPTED') and m.status in"
                          + " ('SHORTLISTED', 'ACCEPTED', 'PILOT_STARTED', 'PILOT_GO',"
                          + " 'PILOT_NO_GO', 'PURCHASE_ORDER_ISSUED')")),
          new Definition(
              "technicalProjects",
              "Matches accepted for a joint project and not rejected since, dated by the"
                  + " acceptance",
              "select cast(m.id as text), d.decided_at"
                  + BASE.formatted(
                      IN_FORCE,
                      "and d.decision = 'ACCEPTED' and m.status in ('ACCEPTED', 'PILOT_STARTED',"
                          + " 'PILOT_GO', 'PILOT_NO_GO', 'PURCHASE_ORDER_ISSUED')")),
          new Definition(
              "startupsFinanced",
              "Startups introduced to a fund or bank, dated by the introduction",
              "select cast(m.application_id as text), cast(d.details -> 'financing' ->> 'date' as"
                  + " date)"
                  + BASE.formatted(IN_FORCE, "and d.decision = 'FINANCING_INTRODUCED'")),
          new Definition(
              "pilotsStarted",
              "Paid pilots started, dated by the pilot's start date",
              "select cast(m.id as text), cast(d.details -> 'pilot' ->> 'startDate' as date)"
                  + BASE.formatted(
                      IN_FORCE,
                      "and d.decision = 'PILOT_STARTED' and m.status in ('PILOT_STARTED',"
                          + " 'PILOT_GO', 'PILOT_NO_GO', 'PURCHASE_ORDER_ISSUED')")),
          new Definition(
              "pilotsSucceeded",
              "Pilots that ended GO, dated by the outcome",
              "select cast(m.id as text), d.decided_at"
                  + BASE.formatted(
                      IN_FORCE,
                      "and d.decision = 'PILOT_GO' and m.status in ('PILOT_GO',"
                          + " 'PURCHASE_ORDER_ISSUED')")),
          new Definition(
              "purchaseOrders",
              "Purchase orders issued after a GO, dated by the order's date",
              "select cast(m.id as text), cast(d.details -> 'purchaseOrder' ->> 'date' as date)"
                  + BASE.formatted(
                      IN_FORCE,
                      "and d.decision = 'PURCHASE_ORDER_ISSUED' and m.status ="
                          + " 'PURCHASE_ORDER_ISSUED'")));

  private final EntityManager em;
  private final ProgramConfig program;

  public KpiService(EntityManager em, ProgramConfig program) {
    this.em = em;
    this.program = program;
  }

  /**
   * The KPIs within [{@code from}, {@code to}) (default: the programme's window), for one unit
   * and/or partner (null: all).
   */
  public Kpis kpis(LocalDate from, LocalDate to, String businessUnit, String partnerId) {
    LocalDate start = from == null ? program.start() : from;
    LocalDate end = to == null ? program.start().plusYears(program.years()) : to;
    if (!end.isAfter(start)) {
      throw Requests.invalid("to", "must be after from (" + start + ")");
    }
    List<Kpi> items = new ArrayList<>();
    for (Definition k : DEFINITIONS) {
      Map<String, LocalDate> first = new HashMap<>();
      for (Object[] row : rows(k.sql(), businessUnit, partnerId)) {
        LocalDate day = day(row[1]);
        if (day != null && !day.isBefore(start) && day.isBefore(end)) {
          first.merge((String) row[0], day, (a, b) -> a.isBefore(b) ? a : b);
        }
      }
      TreeMap<YearMonth, Long> months = new TreeMap<>();
      first.values().forEach(d -> months.merge(YearMonth.from(d), 1L, Long::sum));
      long value = first.size();
      Long target = program.target(k.name());
      items.add(
          new Kpi(
              k.name(),
              k.description(),
              value,
              target,
              target == null ? null : Math.round(1000.0 * value / target) / 1000.0,
              months.entrySet().stream()
                  .map(e -> new Month(e.getKey().toString(), e.getValue()))
                  .toList()));
    }
    return new Kpis(start, end, businessUnit, partnerId, items);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String businessUnit, String partnerId) {
    return em.createNativeQuery(sql)
        .setParameter(1, businessUnit)
        .setParameter(2, partnerId)
        .getResultList();
  }

  private static LocalDate day(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof Timestamp t) {
      return t.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof java.time.Instant i) {
      return i.atZone(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof java.time.OffsetDateTime o) {
      return o.atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    } else if (value instanceof Date d) {
      return d.toLocalDate();
    } else if (value instanceof LocalDate d) {
      return d;
    }
    throw new IllegalStateException("not a date: " + value.getClass());
  }
}
