package ai.opencrane.controlplane.platform;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs a piece of work in its own transaction, for services whose step order is "call Kubernetes, then
 * commit PostgreSQL, then compensate if the commit failed" and so cannot be one transactional method.
 */
@ApplicationScoped
public class Tx {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T call(Supplier<T> work) {
        return work.get();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void run(Runnable work) {
        work.run();
    }
}
