import dev.kept.commitments.ClarityCheck;
import java.time.LocalDate;

/**
 * How long one clarity check takes on the texts bench/seed.py writes. GET /api/v1/commitments runs
 * it once per listed commitment (CommitmentQueries.view), so 200 commitments cost 200 checks.
 *
 *   ./mvnw -q -Dmaven.test.skip package && java -cp target/classes bench/ClarityTiming.java
 */
public class ClarityTiming {
    public static void main(String[] args) {
        LocalDate due = LocalDate.now().plusDays(30);
        String why = "Finance closes the quarter on it; a late report delays every team's budget.";
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int calls = 200_000;
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                String what = "Ship the quarterly report #" + (i % 200) + " to the finance team";
                String doneWhen = "Report #" + (i % 200) + " is merged and the finance lead has signed it off in the tracker";
                sink += ClarityCheck.assess(what, doneWhen, due, why, null).score();
            }
            double micros = (System.nanoTime() - start) / 1000.0 / calls;
            System.out.printf("round %d: %.1f µs per check, %.2f ms per list of 200%n", round + 1, micros, micros * 200 / 1000);
        }
        if (sink == 42) System.out.println();
    }
}
