package ai.opencrane.controlplane.security;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served (set by {@link AuthFilter}), or {@link Caller#SYSTEM} in background work. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.SYSTEM;

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller;
    }
}
