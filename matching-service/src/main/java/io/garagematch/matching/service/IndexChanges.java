package io.garagematch.matching.service;

import io.garagematch.matching.domain.Matcher;
import io.garagematch.matching.domain.Need;
import io.garagematch.matching.domain.NeedStatus;
import io.garagematch.matching.domain.Startup;
import io.garagematch.matching.repository.NeedEntity;
import io.garagematch.matching.repository.StartupEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The only way a change reaches the matcher's index: queued in the transaction that makes it and
 * applied right after that transaction commits, so a rolled-back transaction leaves the index as it
 * was (ADR 0010). The index then holds each changed row as the rebuild at start would load it: an
 * open need or an active startup is put, anything else removed.
 *
 * <p>Order by commit: a row is changed under its row lock, so of two transactions changing it the
 * one that commits later carries the higher version. Committing threads may run their after-commit
 * work in either order; per row, a change older than the one already applied is ignored. An erasure
 * is final and outranks every version. A need also changes when its unit's weights are promoted:
 * re-scored under its row lock at the same version, with a higher weights generation. A need's
 * changes are therefore ordered by its version, then by its unit's generation ({@link #needOrder});
 * a change committed later has neither a lower version nor, at the same version, a lower
 * generation.
 *
 * <p>Scoring inside the transaction does not wait for the index: the matcher scores the need or
 * startup as given (see {@link Matcher}).
 */
@ApplicationScoped
public class IndexChanges {

  private static final Logger LOG = Logger.getLogger(IndexChanges.class);

  /** The version of an erasure: nothing of an erased startup comes after it. */
  static final int ERASED = Integer.MAX_VALUE;

  private final TransactionSynchronizationRegistry transactions;
  private final MatcherHolder matcher;
  private final WeightsInForce weights;

  /** Per row ("need ID", "startup ID"), the version of the last change applied; under this. */
  private final Map<String, Long> applied = new HashMap<>();

  public IndexChanges(
      TransactionSynchronizationRegistry transactions,
      MatcherHolder matcher,
      WeightsInForce weights) {
    this.transactions = transactions;
    this.matcher = matcher;
    this.weights = weights;
  }

  /**
   * After commit, the index holds the need as this row now is, with the weights in force for it:
   * put while open, else removed.
   */
  public void needChanged(NeedEntity n) {
    String id = n.id.toString();
    WeightsInForce.UnitWeights unit = weights.of(n.businessUnit);
    long order = needOrder(n.version, unit.generation());
    queue(
        n.status == NeedStatus.OPEN
            ? needPut(weights.need(n, unit), order)
            : needRemoved(id, order));
  }

  /** The order of a need's changes: by its version, then by its unit's weights generation. */
  static long needOrder(int version, int weightsGeneration) {
    return ((long) version << 32) | (weightsGeneration & 0xFFFF_FFFFL);
  }

  /**
   * After commit, the index holds the startup as this row now is: put while active, else removed
   * (for good once erased).
   */
  public void startupChanged(StartupEntity s) {
    if (s.erasedAt != null) {
      queue(startupRemoved(s.id.toString(), ERASED));
    } else if (s.active) {
      queue(startupPut(s.profile.toStartup(), s.version));
    } else {
      queue(startupRemoved(s.id.toString(), s.version));
    }
  }

  /** One change of one row of the index. */
  record Change(String row, long version, Consumer<Matcher> operation) {}

  static Change needPut(Need need, long version) {
    return new Change("need " + need.id(), version, m -> m.putNeed(need));
  }

  static Change needRemoved(String id, long version) {
    return new Change("need " + id, version, m -> m.removeNeed(id));
  }

  static Change startupPut(Startup startup, int version) {
    return new Change("startup " + startup.id(), version, m -> m.putStartup(startup));
  }

  static Change startupRemoved(String id, int version) {
    return new Change("startup " + id, version, m -> m.removeStartup(id));
  }

  private void queue(Change change) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("an index change needs an active transaction");
    }
    AfterCommit pending = (AfterCommit) transactions.getResource(AfterCommit.class);
    if (pending == null) {
      pending = new AfterCommit();
      transactions.putResource(AfterCommit.class, pending);
      transactions.registerInterposedSynchronization(pending);
    }
    pending.add(change);
  }

  /**
   * Applies the changes of one committed transaction in order, each unless a change of a later
   * commit to the same row was applied already.
   */
  synchronized void apply(List<Change> changes) {
    Matcher m = matcher.matcher();
    for (Change c : changes) {
      Long last = applied.get(c.row());
      if (last != null && last >= c.version()) {
        continue; // a later commit got here first
      }
      c.operation().accept(m);
      applied.put(c.row(), c.version());
    }
  }

  /** The changes of one transaction, the last per row, applied once it has committed. */
  private final class AfterCommit implements Synchronization {
    private final Map<String, Change> changes = new LinkedHashMap<>();

    void add(Change change) {
      changes.remove(change.row()); // the row's last state in this transaction is what counts
      changes.put(change.row(), change);
    }

    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status != Status.STATUS_COMMITTED) {
        return;
      }
      try {
        apply(new ArrayList<>(changes.values()));
      } catch (RuntimeException e) {
        // committed, but not in the index: the row's next change or the rebuild at start heals it
        LOG.errorf(e, "index changes of a committed transaction not applied: %s", changes.keySet());
      }
    }
  }
}
