package eu.egi.csirt.cvh.domain.campaign;

public enum CampaignStatus { ACTIVE, PAUSED, CLOSED }
