package eu.egi.csirt.cvh.domain.campaign;

/**
 * The mailing lists and fixed addresses of SEC03 "Contact Points", from config.
 *
 * @param coordinator the CSIRT coordinator (or deputy), who suspends sites in the GOCDB portal (SEC03 4.5)
 */
public record ListAddresses(String siteSecurityList, String ngiSecurityList, String omb, String coo, String csirt,
                            String coordinator) {}
