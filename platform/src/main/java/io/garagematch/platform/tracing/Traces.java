package io.garagematch.platform.tracing;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

/**
 * W3C trace context across Kafka, for the events the outbox relays: the writer's context goes into
 * the {@code traceparent} header; a consumer processes the record in a span that continues it, with
 * the trace id in the log context ({@code traceId}, {@code spanId}).
 */
public final class Traces {

  private Traces() {}

  /** The current context as a {@code traceparent} value, or null when there is none. */
  public static String currentTraceparent() {
    SpanContext c = Span.current().getSpanContext();
    if (!c.isValid()) {
      return null;
    }
    return "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
  }

  /** Runs {@code work} in a consumer span that continues the record's trace context, if any. */
  public static void consume(ConsumerRecord<?, ?> record, String name, Work work)
      throws InterruptedException {
    Context parent =
        GlobalOpenTelemetry.getPropagators()
            .getTextMapPropagator()
            .extract(Context.root(), record, HEADERS);
    Span span =
        GlobalOpenTelemetry.getTracer("io.garagematch.platform")
            .spanBuilder(name)
            .setParent(parent)
            .setSpanKind(SpanKind.CONSUMER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", record.topic())
            .startSpan();
    Object previousTrace = MDC.get("traceId");
    Object previousSpan = MDC.get("spanId");
    try (Scope ignored = span.makeCurrent()) {
      MDC.put("traceId", span.getSpanContext().getTraceId());
      MDC.put("spanId", span.getSpanContext().getSpanId());
      work.run();
    } finally {
      span.end();
      restore("traceId", previousTrace);
      restore("spanId", previousSpan);
    }
  }

  /** What a consumer does with a record. */
  @FunctionalInterface
  public interface Work {
    void run() throws InterruptedException;
  }

  private static void restore(String key, Object value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  private static final TextMapGetter<ConsumerRecord<?, ?>> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<?, ?> record) {
          return () -> Arrays.stream(record.headers().toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(ConsumerRecord<?, ?> record, String key) {
          Header h = record == null ? null : record.headers().lastHeader(key);
          return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
      };
}
