package com.mobayilo.calls;

/** How calls count against caps and spend figures, as SQL over the calls table, so every count agrees. */
public final class Spending {

    /** A live call counts what it holds, an ended one what it cost; a refused one costs 0. */
    public static final String OF_CALL = "case when status in ('INITIATED', 'RINGING', 'IN_PROGRESS') then held_minutes * rate_cents "
            + "else coalesce(cost_cents, 0) end";

    /** What a call has cost for good: nothing while it is under way, its cost once it ended. */
    public static final String SPENT = "case when status in ('INITIATED', 'RINGING', 'IN_PROGRESS') then 0 else coalesce(cost_cents, 0) end";

    /** What a call under way holds, which its end turns into what it cost (and releases the rest). */
    public static final String HELD = "case when status in ('INITIATED', 'RINGING', 'IN_PROGRESS') then held_minutes * rate_cents else 0 end";

    /** The statuses of a call still under way. */
    public static final String LIVE = "status in ('INITIATED', 'RINGING', 'IN_PROGRESS')";

    private Spending() {
    }
}
