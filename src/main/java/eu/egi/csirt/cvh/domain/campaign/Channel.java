package eu.egi.csirt.cvh.domain.campaign;

/** Where an outbox action is delivered. */
public enum Channel { MAIL, RT, GOCDB, WIKI }
