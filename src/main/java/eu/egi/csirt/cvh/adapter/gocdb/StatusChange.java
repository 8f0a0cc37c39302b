package eu.egi.csirt.cvh.adapter.gocdb;

import java.time.Instant;

/** One change of a site's certification status in GOCDB: when, by whom (a certificate DN) and why. */
public record StatusChange(String site, String from, String to, Instant at, String changedBy, String reason) {
}
