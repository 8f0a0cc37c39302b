package eu.egi.csirt.cvh.domain.engine;

import eu.egi.csirt.cvh.domain.campaign.Notification;
import eu.egi.csirt.cvh.domain.procedure.NotificationKind;
import eu.egi.csirt.cvh.domain.procedure.SuspensionRules;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SEC03 5.4 and 5.5 as an invariant: a site may be suspended only after it received at least
 * {@code minNotifications} (by list or individually), at least {@code minIndividual} of them individual,
 * the last one a final warning, sent at least {@code finalWarningHours} before. Only delivered mails
 * count: if an outage delayed one, the suspension moves; it is never early.
 */
public final class SuspensionProof {

    public enum Verdict { ALLOWED, WAIT, BLOCKED }

    /**
     * @param earliest when the suspension becomes allowed (for WAIT with a known time), else null
     * @param counted  the delivered notifications, oldest first: the proof shown to the officer
     */
    public record Result(Verdict verdict, Instant earliest, String reason, List<Notification> counted) {
        public boolean allowed() { return verdict == Verdict.ALLOWED; }
    }

    private SuspensionProof() {}

    public static Result check(List<Notification> notifications, SuspensionRules rules, Instant now) {
        List<Notification> delivered = notifications.stream().filter(n -> n.notification().counts() && n.delivered())
                .sorted(Comparator.comparing(Notification::deliveredAt)).toList();
        boolean pending = notifications.stream().anyMatch(n -> n.notification().counts() && !n.delivered());
        long individual = delivered.stream().filter(Notification::individual).count();
        Optional<Notification> last = delivered.isEmpty() ? Optional.empty() : Optional.of(delivered.get(delivered.size() - 1));
        Verdict notYet = pending ? Verdict.WAIT : Verdict.BLOCKED;
        if (delivered.size() < rules.minNotifications()) {
            return new Result(notYet, null, "only " + delivered.size() + " of the " + rules.minNotifications()
                    + " notifications required by SEC03 5.4 were sent", delivered);
        }
        if (individual < rules.minIndividual()) {
            return new Result(notYet, null, "only " + individual + " of the " + rules.minIndividual()
                    + " individual notifications required by SEC03 5.4 were sent", delivered);
        }
        if (pending || last.get().notification() != NotificationKind.FINAL_WARNING) {
            return new Result(notYet, null, "the last notification is not a final warning (SEC03 5.4, 5.5)", delivered);
        }
        Instant earliest = last.get().deliveredAt().plus(Duration.ofHours(rules.finalWarningHours()));
        if (now.isBefore(earliest)) {
            return new Result(Verdict.WAIT, earliest, "the final warning was sent at " + last.get().deliveredAt()
                    + ": suspension not before " + earliest + " (SEC03 5.5)", delivered);
        }
        return new Result(Verdict.ALLOWED, earliest, "SEC03 5.4 and 5.5 satisfied: " + delivered.size()
                + " notifications, final warning at " + last.get().deliveredAt(), delivered);
    }
}
