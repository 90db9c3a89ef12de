import dev.kept.commitments.ClarityCheck;
import java.time.LocalDate;

/**
 * How long one clarity check takes on texts like those bench/seed.py writes (one in six vague). GET /api/v1/commitments runs
 * it once per listed commitment (CommitmentQueries.view), so 200 commitments cost 200 checks.
 *
 *   ./mvnw -q -Dmaven.test.skip package && java -cp target/classes bench/ClarityTiming.java
 */
public class ClarityTiming {
    public static void main(String[] args) {
        LocalDate due = LocalDate.now().plusDays(30);
        String why = "So that the team can plan the next quarter around the quarterly report.";
        String[] done = {
            "published on the wiki and linked from the handbook", "sent to all 12 team leads",
            "merged to main with 2 approvals", "signed off by finance", "presented at the Friday demo",
            "improve it somewhat"
        };
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int calls = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                String what = "Review and merge the quarterly report (item " + (i % 200 + 1) + ")";
                String doneWhen = "The quarterly report " + done[i % done.length];
                sink += ClarityCheck.assess(what, doneWhen, due, why, null).score();
            }
            double micros = (System.nanoTime() - start) / 1000.0 / calls;
            System.out.printf("round %d: %.1f µs per check, %.2f ms per list of 200%n", round + 1, micros, micros * 200 / 1000);
        }
        if (sink == 42) System.out.println();
    }
}
