package com.shopcare.complaints.guards;

/** The escalation path the table chose; the guard rules may raise it. */
public final class Routing {

    private String path;
    private String reason;

    public Routing(String path, String reason) {
        this.path = path;
        this.reason = reason;
    }

    public String getPath() {
        return path;
    }

    public String getReason() {
        return reason;
    }

    public void raiseTo(String path, String reason) {
        this.path = path;
        this.reason = reason;
    }
}
