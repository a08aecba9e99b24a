package com.mobayilo.companies;

/** Where a seat stands. Only INVITED and ACTIVE seats sign in and call; REMOVED seats keep their call history. */
public enum SeatStatus {
    INVITED, ACTIVE, DISABLED, REMOVED;

    public boolean mayCall() {
        return this == INVITED || this == ACTIVE;
    }
}
