package eu.egi.csirt.cvh.adapter.store;

import eu.egi.csirt.cvh.domain.campaign.CaseStatus;
import eu.egi.csirt.cvh.domain.campaign.SiteContacts;
import eu.egi.csirt.cvh.port.ReplyCases;
import eu.egi.csirt.cvh.port.SiteDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static eu.egi.csirt.cvh.adapter.store.Sql.marks;
import static eu.egi.csirt.cvh.adapter.store.Sql.query;

/** Matching lookups over the runtime's own records: delivered tickets and mails, cases, contacts. */
public final class JdbcReplyCases implements ReplyCases {

    private static final Pattern THREAD_ID = Pattern.compile("<case-(\\d{1,18})\\.[0-9a-f]{12}@[^>]+>");
    private static final List<String> OPEN = Arrays.stream(CaseStatus.values()).filter(s -> !s.isClosed()).map(Enum::name).toList();

    private final Database database;
    private final SiteDirectory directory;
    private final BiFunction<String, Long, String> threadId;

    /** @param threadId the thread id the mail adapter gives a case (campaign id, case id), to check one found in a reply */
    public JdbcReplyCases(Database database, SiteDirectory directory, BiFunction<String, Long, String> threadId) {
        this.database = database;
        this.directory = directory;
        this.threadId = threadId;
    }

    @Override
    public Optional<CaseRef> byRtTicket(long ticketNumber) {
        return first("SELECT s.campaign_id, s.id, s.site FROM outbox o JOIN site_case s ON s.id = o.case_id"
                + " WHERE o.channel = 'RT' AND o.operation = 'create' AND o.external_id = ? ORDER BY s.id DESC", String.valueOf(ticketNumber));
    }

    @Override
    public Optional<CaseRef> byTicketKey(String key) {
        // the key is campaign/site or campaign/site/round; campaign ids contain no '/'
        String[] parts = key.split("/");
        if (parts.length < 2) return Optional.empty();
        int round = 1;
        if (parts.length == 3) {
            try {
                round = Integer.parseInt(parts[2]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return first("SELECT campaign_id, id, site FROM site_case WHERE campaign_id = ? AND site = ? AND case_round = ?",
                parts[0], parts[1], round);
    }

    @Override
    public Optional<CaseRef> byMessageId(String messageId) {
        Matcher thread = THREAD_ID.matcher(messageId);
        if (thread.matches()) {
            long caseId = Long.parseLong(thread.group(1));
            Optional<CaseRef> c = first("SELECT campaign_id, id, site FROM site_case WHERE id = ?", caseId);
            return c.filter(ref -> threadId.apply(ref.campaignId(), ref.caseId()).equals(messageId));
        }
        return database.inTransaction(c -> query(c, "SELECT campaign_id, case_id, site FROM outbox WHERE channel = 'MAIL' AND external_id = ?",
                rs -> new CaseRef(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3)), messageId)).stream().findFirst();
    }

    @Override
    public Optional<CaseRef> byReference(String campaignId, String site) {
        return first("SELECT campaign_id, id, site FROM site_case WHERE campaign_id = ? AND site = ? ORDER BY case_round DESC",
                campaignId, site);
    }

    @Override
    public List<CaseRef> openCasesWithContact(String address, Optional<String> campaignId) {
        String a = address.strip().toLowerCase(Locale.ROOT);
        List<Object> params = new ArrayList<>(OPEN);
        campaignId.ifPresent(params::add);
        List<CaseRef> open = database.inTransaction(c -> query(c, "SELECT campaign_id, id, site FROM site_case s WHERE s.status IN ("
                + marks(OPEN) + ")" + (campaignId.isPresent() ? " AND s.campaign_id = ?" : ""), JdbcReplyCases::ref, params.toArray()));
        java.util.Set<Long> writtenTo = casesWrittenTo(a);
        List<CaseRef> out = new ArrayList<>();
        for (CaseRef ref : open) {
            if (writtenTo.contains(ref.caseId()) || isContact(ref.site(), a)) out.add(ref);
        }
        return out;
    }

    /** One query for all cases (a substring match, then the exact address in the lists). */
    private java.util.Set<Long> casesWrittenTo(String address) {
        String like = "%" + address.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return database.inTransaction(c -> query(c, "SELECT case_id, recipients_to, recipients_cc FROM outbox WHERE case_id IS NOT NULL"
                        + " AND (LOWER(recipients_to) LIKE ? ESCAPE '\\' OR LOWER(recipients_cc) LIKE ? ESCAPE '\\')",
                rs -> Sql.addresses(rs.getString(2), rs.getString(3)).contains(address) ? rs.getLong(1) : null, like, like))
                .stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet());
    }

    private boolean isContact(String site, String address) {
        Optional<SiteContacts> contacts = directory.find(site);
        return contacts.isPresent() && contacts.get().all().stream().anyMatch(x -> x.equalsIgnoreCase(address));
    }

    private Optional<CaseRef> first(String sql, Object... params) {
        return database.inTransaction(c -> query(c, sql, JdbcReplyCases::ref, params)).stream().findFirst();
    }

    private static CaseRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CaseRef(rs.getString(1), rs.getLong(2), rs.getString(3));
    }
}
