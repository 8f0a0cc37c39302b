package eu.egi.csirt.cvh.domain.campaign;

/** The mailing lists and fixed addresses of SEC03 "Contact Points", from config. */
public record ListAddresses(String siteSecurityList, String ngiSecurityList, String omb, String coo, String csirt) {}
