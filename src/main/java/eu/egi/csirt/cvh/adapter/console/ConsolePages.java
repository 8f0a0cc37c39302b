package eu.egi.csirt.cvh.adapter.console;

import eu.egi.csirt.cvh.adapter.console.ConsoleUsers.Principal;

/** The officer's web page, rendered on the server. */
public final class ConsolePages {
    private final ConsoleService service;

    public ConsolePages(ConsoleService service) {
        this.service = service;
    }

    public String page(Principal who, String campaign, String site, String message, String error, String csrf) {
        return "<!doctype html><title>cvh</title>";
    }
}
