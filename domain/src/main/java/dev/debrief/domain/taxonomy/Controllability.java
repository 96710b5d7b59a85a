package dev.debrief.domain.taxonomy;

/**
 * Whether a loss reason is usually within the seller's control. An analysis records a plain
 * yes/no per reason: YES and NO give the default, PARTLY means the person analysing must decide.
 */
public enum Controllability {
    YES, PARTLY, NO;

    /** The yes/no for one analysed reason; null when it is PARTLY and nobody decided. */
    public Boolean resolve(Boolean decided) {
        if (decided != null) {
            return decided;
        }
        return switch (this) {
            case YES -> Boolean.TRUE;
            case NO -> Boolean.FALSE;
            case PARTLY -> null;
        };
    }
}
