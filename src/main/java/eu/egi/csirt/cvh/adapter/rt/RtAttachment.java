package eu.egi.csirt.cvh.adapter.rt;

/** A part of a ticket's message: the text of a create, correspondence or comment transaction. */
public record RtAttachment(long id, long transactionId, String contentType, String content) {}
