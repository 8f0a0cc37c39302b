package eu.egi.csirt.cvh.domain.campaign;

/** SEC03 2.3: widespread problems go to the lists; a few sites are informed individually. */
public enum AdvisoryScope { LISTS, INDIVIDUAL }
