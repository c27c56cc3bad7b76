package com.shopcare.complaints.guards;

/** The response times the table chose for the final path; the guard rules may tighten them. */
public final class Timing {

    private final int firstResponseMinutes;
    private final int resolutionHours;
    private int updateEveryDays;

    public Timing(int firstResponseMinutes, int resolutionHours, int updateEveryDays) {
        this.firstResponseMinutes = firstResponseMinutes;
        this.resolutionHours = resolutionHours;
        this.updateEveryDays = updateEveryDays;
    }

    public int getFirstResponseMinutes() {
        return firstResponseMinutes;
    }

    public int getResolutionHours() {
        return resolutionHours;
    }

    public int getUpdateEveryDays() {
        return updateEveryDays;
    }

    public void setUpdateEveryDays(int updateEveryDays) {
        this.updateEveryDays = updateEveryDays;
    }
}
