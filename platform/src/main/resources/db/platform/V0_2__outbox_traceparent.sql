-- The W3C trace context of the transaction that wrote the event: the relay sends it as the
-- `traceparent` header, so a trace started by a request continues in the consumers.
alter table outbox_event add column traceparent text;
