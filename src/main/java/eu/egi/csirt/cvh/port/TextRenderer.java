package eu.egi.csirt.cvh.port;

import java.util.Map;

/** Fills a mail or ticket template. The first line of a template is "Subject: ...". */
public interface TextRenderer {
    Text render(String template, Map<String, Object> model);

    record Text(String subject, String body) {}
}
