package eu.egi.csirt.cvh.adapter.rt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@link RtClient#createTicket} sends; {@code due} and {@code customFields} are optional. */
public record NewTicket(String queue, String subject, List<String> requestors, List<String> cc, Instant due,
                        String content, Map<String, String> customFields) {

    public NewTicket {
        requestors = List.copyOf(requestors);
        cc = List.copyOf(cc);
        customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    }
}
