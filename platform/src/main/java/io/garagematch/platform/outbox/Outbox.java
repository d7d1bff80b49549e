package io.garagematch.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.garagematch.contracts.events.Event;
import io.garagematch.platform.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events to the {@code outbox_event} table in the caller's transaction, so an event exists
 * exactly when the business change it describes was committed. {@link OutboxRelay} publishes them,
 * woken right after the commit.
 */
@ApplicationScoped
public class Outbox {

  private static final String INSERT =
      "insert into outbox_event"
          + " (id, topic, message_key, type, source, subject, occurred_at, data, traceparent)"
          + " values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)";

  private final AgroalDataSource dataSource;
  private final TransactionSynchronizationRegistry transactions;
  private final OutboxRelay relay;
  private final ObjectMapper json;
  private final String source;

  public Outbox(
      AgroalDataSource dataSource,
      TransactionSynchronizationRegistry transactions,
      OutboxRelay relay,
      ObjectMapper json,
      @ConfigProperty(name = "garagematch.events.source") String source) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.relay = relay;
    // events write every property, null too (docs/events); REST answers leave nulls out
    this.json = json.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
    this.source = source;
  }

  /**
   * Appends {@code event}, happening now, with its data written as JSON; must be called inside an
   * active transaction.
   *
   * @return its id ({@code ce_id})
   * @throws IllegalStateException when no transaction is active
   */
  public UUID append(Event<?> event) {
    String data;
    try {
      data = json.writeValueAsString(event.data());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the data of " + event.type(), e);
    }
    OutboxMessage message =
        new OutboxMessage(
            UUID.randomUUID(),
            event.type().topic(),
            event.key(),
            event.type().type(),
            event.subject(),
            Instant.now(),
            data);
    append(message);
    return message.id();
  }

  private void append(OutboxMessage message) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("an outbox append needs an active transaction");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert = c.prepareStatement(INSERT)) {
      insert.setObject(1, message.id());
      insert.setString(2, message.topic());
      insert.setString(3, message.key());
      insert.setString(4, message.type());
      insert.setString(5, source);
      insert.setString(6, message.subject());
      insert.setTimestamp(7, Timestamp.from(message.time()));
      insert.setString(8, message.data());
      insert.setString(9, Traces.currentTraceparent());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write to the outbox", e);
    }
    transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
  }

  /**
   * Sets {@code field} of the data to null in every event of {@code key} still in the outbox, sent
   * or not (erasure of personal data); must be called inside an active transaction.
   */
  public void redact(String topic, String key, String field) {
    update(
        "update outbox_event set data = jsonb_set(data, ?::text[], 'null'::jsonb)"
            + " where topic = ? and message_key = ?",
        "{" + field + "}",
        topic,
        key);
  }

  /**
   * Sets {@code field} of the data to null in every event of {@code topic} whose data's {@code
   * matchField} is {@code value}, sent or not (erasure, where the key is another aggregate's id);
   * must be called inside an active transaction.
   */
  public void redactWhere(String topic, String matchField, String value, String field) {
    update(
        "update outbox_event set data = jsonb_set(data, ?::text[], 'null'::jsonb)"
            + " where topic = ? and data ->> ? = ?",
        "{" + field + "}",
        topic,
        matchField,
        value);
  }

  /**
   * Drops the events of {@code key} not yet published (erasure: they are never sent); must be
   * called inside an active transaction.
   */
  public void discardUnsent(String topic, String key) {
    update(
        "delete from outbox_event where topic = ? and message_key = ? and sent_at is null",
        topic,
        key);
  }

  private void update(String sql, String... parameters) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException("an outbox change needs an active transaction");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement update = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not change the outbox", e);
    }
  }

  private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
    @Override
    public void beforeCompletion() {}

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        relay.wake();
      }
    }
  }
}
