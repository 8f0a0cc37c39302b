-- Inbound reply processing (issue 4): what each stored reply was matched to, understood as and caused;
-- the follow-up a reply starts on its case; the officer's pending question; bounced contacts.

ALTER TABLE inbound_message ADD COLUMN campaign_id VARCHAR(200);
ALTER TABLE inbound_message ADD COLUMN case_id BIGINT;
ALTER TABLE inbound_message ADD COLUMN site VARCHAR(200);
ALTER TABLE inbound_message ADD COLUMN intent VARCHAR(30);
ALTER TABLE inbound_message ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE inbound_message ADD COLUMN evidence VARCHAR(2000);
ALTER TABLE inbound_message ADD COLUMN match_method VARCHAR(200);
ALTER TABLE inbound_message ADD COLUMN outcome VARCHAR(4000);
ALTER TABLE inbound_message ADD COLUMN processed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE inbound_message ADD COLUMN held_reason VARCHAR(4000);
CREATE INDEX inbound_message_case ON inbound_message (case_id);

ALTER TABLE site_case ADD COLUMN fix_claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE site_case ADD COLUMN follow_up VARCHAR(30);
ALTER TABLE site_case ADD COLUMN follow_up_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE site_case ADD COLUMN pending_decision VARCHAR(4000);
ALTER TABLE site_case ADD COLUMN pending_decision_at TIMESTAMP WITH TIME ZONE;

ALTER TABLE campaign ADD COLUMN mitigations VARCHAR(4000);

CREATE TABLE invalid_contact (
    site        VARCHAR(200)  NOT NULL,
    address     VARCHAR(1000) NOT NULL,
    reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(4000),
    PRIMARY KEY (site, address)
);
