package eu.egi.csirt.cvh.domain.campaign;

/**
 * The mailing lists and fixed addresses of SEC03 "Contact Points", from config.
 *
 * @param coordinator the CSIRT coordinator (or deputy), who suspends sites in the GOCDB portal (SEC03 4.5)
 * @param irtf        the incident response task force, to whom unknown mitigations are escalated (seed 002, 3a)
 */
public record ListAddresses(String siteSecurityList, String ngiSecurityList, String omb, String coo, String csirt,
                            String coordinator, String irtf) {

    /** Without a separate IRTF address, escalations go to the CSIRT address. */
    public ListAddresses(String siteSecurityList, String ngiSecurityList, String omb, String coo, String csirt, String coordinator) {
        this(siteSecurityList, ngiSecurityList, omb, coo, csirt, coordinator, csirt);
    }
}
