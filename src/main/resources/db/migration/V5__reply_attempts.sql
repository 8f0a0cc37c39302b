-- A reply whose processing failed is tried again a few times before it is parked for the officer;
-- replies and tickets are looked up by the id the outside system gave them.
ALTER TABLE inbound_message ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
CREATE INDEX outbox_external ON outbox (external_id);
