package eu.egi.csirt.cvh.domain.reply;

import java.util.Map;

/**
 * A reply as the classifier sees it: the headers that matter (lower-case names), the subject, the
 * full text body (text/plain, or HTML turned into text) and whether it is a delivery report.
 */
public record Reply(Map<String, String> headers, String subject, String body, boolean deliveryReport) {

    public String header(String name) {
        return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
    }
}
