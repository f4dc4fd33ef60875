package ai.opencrane.controlplane.testkit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Small builders and waits shared by the integration tests. */
public final class Fixtures {

    public static final String CR_VERSION = "opencrane.io/v1alpha1";
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Fixtures() {
    }

    /** A name no other test uses: {@code prefix-<base36 counter>}, a valid DNS label. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(COUNTER.incrementAndGet(), 36);
    }

    /** A complete tenant create body. */
    public static String tenantBody(String name) {
        return """
                {"name":"%s","displayName":"Alice Example","email":"alice@example.com","team":"research",
                 "labels":{"tier":"gold"},"monthlyBudgetUsd":25.5,"resources":{"cpu":"500m","memory":"1Gi"},
                 "skillAllowlist":["web-search"],"policyRef":"standard"}
                """.formatted(name);
    }

    /** A complete access-policy create body. */
    public static String policyBody(String name) {
        return """
                {"name":"%s","description":"Research egress",
                 "tenantSelector":{"matchTeam":"research","matchLabels":{"tier":"gold"}},
                 "domains":{"allow":["api.openai.com","*.example.org"],"deny":["evil.example.org"]},
                 "egressRules":[{"cidr":"10.0.0.0/8","ports":[443,8443]}],
                 "mcpServers":{"allow":["github"],"deny":["shell"]}}
                """.formatted(name);
    }

    /** Waits up to 15 s for {@code condition}, failing with {@code what}. */
    public static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("not within 15 s: " + what);
    }
}
