package eu.egi.csirt.cvh.domain.procedure;

/**
 * SEC03 5.4 and 5.5 as numbers: a site is suspended only after at least {@code minNotifications}
 * (of which at least {@code minIndividual} individual, the last a final warning) and at least
 * {@code finalWarningHours} after the final warning was sent.
 */
public record SuspensionRules(int minNotifications, int minIndividual, long finalWarningHours, boolean autoSuspend) {
    public static final SuspensionRules SEC03 = new SuspensionRules(3, 2, 24, false);
}
